/**
 * Tests of the orders charts' plain data (src/lib/orders/charts/chart-data.ts): the values as people read
 * them, the table alternative, the CSV and the generated summary. Every expected string is written out by
 * hand from the small chart below.
 */
import { describe, expect, it } from 'vitest';
import {
  chartCsv,
  chartSummary,
  chartTable,
  describeChart,
  formatTick,
  formatValue,
  markerIndex,
  NO_VALUE,
  type OrdersChartData,
} from '../../../../src/lib/orders/charts/chart-data';
import { rowsToCsv } from '../../../../src/lib/csv';

/** Weekly repeat orders, actual and forecast, a week not yet seen, and the calibration end in week 2. */
const tracking: OrdersChartData = {
  title: 'Repeat orders by week',
  labels: ['1', '2', '3'],
  series: [
    { name: 'Actual', values: [12, 15.5, null], style: 'points' },
    { name: 'Model, "expected"', values: [11.25, 14.333333, 16.66666], style: 'line' },
  ],
  x: { title: 'Week' },
  y: { title: 'Repeat orders', unit: { kind: 'number', decimals: 1 } },
  marker: { at: '2', label: 'calibration end' },
  columns: [{ name: 'Customers', values: [1000, 1200, 1250.5], unit: { kind: 'count' } }],
  locale: 'en-US',
};

describe('formatValue and formatTick', () => {
  it.each([
    [18.24, { kind: 'percent' } as const, '18.2%'],
    [61.428, { kind: 'money', currency: 'USD' } as const, '$61.43'],
    [1234.4, { kind: 'money', currency: 'USD' } as const, '$1,234'],
    [1204.4, { kind: 'count' } as const, '1,204'],
    [0.3456, { kind: 'number', decimals: 2 } as const, '0.35'],
  ])('formatValue(%s, %o) is %s', (value, unit, text) => {
    expect(formatValue(value, unit, 'en-US')).toBe(text);
  });

  it('writes whole money ticks without cents, and others as formatValue does', () => {
    expect(formatTick(50, { kind: 'money', currency: 'USD' }, 'en-US')).toBe('$50');
    expect(formatTick(50, { kind: 'money', currency: 'EUR' }, 'de-DE')).toBe('50\u00a0€');
    expect(formatTick(2.5, { kind: 'money', currency: 'USD' }, 'en-US')).toBe('$2.50');
    expect(formatTick(40, { kind: 'percent' }, 'en-US')).toBe('40%');
  });
});

describe('markerIndex', () => {
  it('finds the marker among the labels, and is -1 without one or for a label not on the axis', () => {
    expect(markerIndex(tracking)).toBe(1);
    expect(markerIndex({ ...tracking, marker: undefined })).toBe(-1);
    expect(markerIndex({ ...tracking, marker: { at: '9', label: 'calibration end' } })).toBe(-1);
  });
});

describe('chartTable', () => {
  it('has a row per label, a column per series then the table-only columns, formatted, with a dash for none', () => {
    expect(chartTable(tracking)).toEqual({
      caption: 'Repeat orders by week',
      columns: [
        { label: 'Week', numeric: true },
        { label: 'Actual', numeric: true },
        { label: 'Model, "expected"', numeric: true },
        { label: 'Customers', numeric: true },
      ],
      rows: [
        ['1', '12', '11.3', '1,000'],
        ['2 (calibration end)', '15.5', '14.3', '1,200'],
        ['3', NO_VALUE, '16.7', '1,251'],
      ],
    });
  });

  it('aligns text labels left', () => {
    const cohorts = chartTable({ ...tracking, labels: ['2024-Q1', '2024-Q2', '2024-Q3'], marker: undefined });
    expect(cohorts.columns[0]).toEqual({ label: 'Week', numeric: false });
    expect(chartTable({ ...tracking, labels: ['0', '1', '7+'] }).columns[0]?.numeric).toBe(true);
  });

  it('shows a dash for a value missing from a short series, never "undefined"', () => {
    const short = chartTable({ ...tracking, series: [{ name: 'Actual', values: [1], style: 'line' }] });
    expect(short.rows.map((row) => row[1])).toEqual(['1', NO_VALUE, NO_VALUE]);
  });
});

describe('chartCsv', () => {
  it('writes raw values with the units in the headers, an empty field for none', () => {
    expect(chartCsv(tracking)).toEqual({
      columns: ['Week', 'Actual', 'Model, "expected"', 'Customers'],
      rows: [
        ['1', 12, 11.25, 1000],
        ['2', 15.5, 14.3333, 1200],
        ['3', null, 16.6667, 1250.5],
      ],
    });
  });

  it('as CSV text: CRLF records, quoted and doubled quotes, percent to 4 decimals and money to 2', () => {
    const data: OrdersChartData = {
      title: 'Share buying',
      labels: ['1', '2'],
      series: [{ name: '2024, all', values: [18.123456, null], style: 'line' }],
      x: { title: 'Months since the first order' },
      y: { title: 'Customers who bought (%)', unit: { kind: 'percent' } },
      columns: [
        { name: 'Revenue', values: [61.42894, 0.005], unit: { kind: 'money', currency: 'EUR' } },
        { name: '=SUM(A1)', values: [3, 4], unit: { kind: 'count' } },
      ],
      locale: 'de-DE',
    };
    const { columns, rows } = chartCsv(data);
    expect(rowsToCsv(columns, rows)).toBe(
      'Months since the first order,"2024, all (%)",Revenue (EUR),\'=SUM(A1)\r\n' +
        '1,18.1235,61.43,3\r\n' +
        '2,,0.01,4\r\n',
    );
  });
});

describe('describeChart and chartSummary', () => {
  it('says what is plotted against what, where each series starts and ends, and the marker', () => {
    expect(describeChart(tracking)).toBe(
      'Repeat orders by week: Repeat orders against Week, from 1 to 3. ' +
        'Actual: 12 at 1, 15.5 at 2. Model, "expected": 11.3 at 1, 16.7 at 3. ' +
        'A dashed line marks calibration end at 2.',
    );
  });

  it('names at most six series and says how many more the table has', () => {
    const many = Array.from({ length: 8 }, (_, index) => ({
      name: `S${index}`,
      values: [index, null, null],
      style: 'bar' as const,
    }));
    const text = describeChart({ ...tracking, marker: undefined, series: many });
    expect(text).toContain('S5: 5 at 1, 5 at 1.');
    expect(text).not.toContain('S6');
    expect(text).toMatch(/2 more series are in the table\.$/);
  });

  it('says a series has no values rather than print a blank', () => {
    const text = describeChart({ ...tracking, series: [{ name: 'Empty', values: [null], style: 'line' }] });
    expect(text).toContain('Empty: no values.');
  });

  it('uses the maker’s summary when there is one', () => {
    expect(chartSummary({ ...tracking, summary: 'Close to the forecast.' })).toBe('Close to the forecast.');
    expect(chartSummary(tracking)).toBe(describeChart(tracking));
  });
});
