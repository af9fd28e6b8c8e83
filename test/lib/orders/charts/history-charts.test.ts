/**
 * Tests of the history step's charts (src/lib/orders/charts/history-charts.ts): cohorts pooled into
 * retention curves, the unfinished last period, the fewest customers a point stands on, and revenue per
 * customer by age. The cohort tables are written by hand, and every share below is worked from them.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../../../src/lib/orders/import/dates';
import { validateRow } from '../../../../src/lib/orders/import/rows';
import {
  createHistory,
  type CohortRow,
  type CohortTable,
  type ValueAtAge,
} from '../../../../src/lib/orders/history/history';
import {
  enoughCustomers,
  MIN_CUSTOMERS_PER_POINT,
  retentionChart,
  retentionCurves,
  valueByAgeChart,
} from '../../../../src/lib/orders/charts/history-charts';
import { expectCloseTo } from '../../tolerance';

/** A monthly cohort row; the shares and revenue are not read by the curves. */
function month(year: number, monthNumber: number, size: number, active: number[]): CohortRow {
  return {
    label: `${year}-${String(monthNumber).padStart(2, '0')}`,
    start: dayFromCivil(year, monthNumber, 1),
    size,
    active,
    activeShare: active.map((count) => count / size),
    revenuePerCustomer: active.map(() => 0),
  };
}

/** Asserts curves' labels, customers and shares (to 1e-12). */
function expectCurves(
  actual: readonly { label: string; customers: number; shares: readonly number[] }[],
  expected: [string, number, number[]][],
) {
  expect(actual.map((curve) => [curve.label, curve.customers, curve.shares.length])).toEqual(
    expected.map(([label, customers, shares]) => [label, customers, shares.length]),
  );
  actual.forEach((curve, index) =>
    curve.shares.forEach((share, age) => expectCloseTo(share, expected[index]?.[2][age] ?? NaN)),
  );
}

// Three monthly cohorts of a history that ends on 2024-03-31, the end of its last month.
//   2024-01: 30 customers, 12 of them buy in February, 9 in March
//   2024-02: 20 customers, 4 buy in March
//   2024-03: 10 customers
const Q1: CohortTable = {
  period: 'month',
  rows: [month(2024, 1, 30, [30, 12, 9]), month(2024, 2, 20, [20, 4]), month(2024, 3, 10, [10])],
  lastPeriodComplete: true,
};

describe('retentionCurves', () => {
  it('keeps monthly cohorts as they are when they are few: the share buying at each age', () => {
    // 12/30 = 0.4 and 9/30 = 0.3; 4/20 = 0.2; the 10 of March are all the customers their cohort has.
    const { grouping, curves, droppedLastPeriod } = retentionCurves(Q1);
    expect(grouping).toBe('month');
    expect(droppedLastPeriod).toBe(false);
    expectCurves(curves, [
      ['2024-01', 30, [1, 0.4, 0.3]],
      ['2024-02', 20, [1, 0.2]],
      ['2024-03', 10, [1]],
    ]);
  });

  it('pools by quarter when there are too many curves, each age over the cohorts that reached it', () => {
    // Age 1: January and February reached it, (12 + 4) / (30 + 20) = 0.32; age 2: January alone, 9/30.
    const { grouping, curves } = retentionCurves(Q1, 2);
    expect(grouping).toBe('quarter');
    expectCurves(curves, [['2024-Q1', 60, [1, 0.32, 0.3]]]);
  });

  it('ends a curve at the first age fewer than the minimum of its customers have reached', () => {
    expect(MIN_CUSTOMERS_PER_POINT).toBe(20);
    // 15 + 10 = 25 customers; age 1 was reached by the 15 of January only, fewer than 20.
    const small: CohortTable = {
      period: 'month',
      rows: [month(2024, 1, 15, [15, 6]), month(2024, 2, 10, [10])],
      lastPeriodComplete: true,
    };
    expectCurves(retentionCurves(small, 1).curves, [['2024-Q1', 25, [1]]]);
    // Alone, January's 15 are all the customers it has, so its second month is drawn: 6/15.
    expectCurves(retentionCurves(small).curves, [
      ['2024-01', 15, [1, 0.4]],
      ['2024-02', 10, [1]],
    ]);
  });

  it('decides by the minimum or by the whole group, whichever is smaller', () => {
    expect(enoughCustomers(20, 500)).toBe(true);
    expect(enoughCustomers(19, 500)).toBe(false);
    expect(enoughCustomers(7, 7)).toBe(true);
    expect(enoughCustomers(6, 7)).toBe(false);
  });

  it('leaves out the last period when the history ends inside it, for the cohorts that reach it', () => {
    // March is unfinished: January keeps February only, February keeps none after its first month, and
    // March's cohort has no whole period at all. 2023-01 stopped short of March (its row was cut off
    // earlier, as the table does at its oldest ages), so nothing of it is dropped: 5/20 = 0.25.
    const unfinished: CohortTable = {
      period: 'month',
      rows: [month(2023, 1, 20, [20, 5]), ...Q1.rows],
      lastPeriodComplete: false,
    };
    const { curves, droppedLastPeriod } = retentionCurves(unfinished);
    expect(droppedLastPeriod).toBe(true);
    expectCurves(curves, [
      ['2023-01', 20, [1, 0.25]],
      ['2024-01', 30, [1, 0.4]],
      ['2024-02', 20, [1]],
    ]);
  });

  it('goes on to years, then to spans of years', () => {
    const twoYears: CohortTable = {
      period: 'month',
      rows: [month(2023, 5, 30, [30, 3]), month(2024, 1, 30, [30])],
      lastPeriodComplete: true,
    };
    expect(retentionCurves(twoYears, 2).grouping).toBe('month');
    const byYears = retentionCurves(twoYears, 1);
    expect(byYears.grouping).toBe('years');
    // Age 1: only May 2023 reached it, 30 customers: 3/30.
    expectCurves(byYears.curves, [['2023–2024', 60, [1, 0.1]]]);
  });

  it('pools quarterly cohorts by year', () => {
    const quarters: CohortTable = {
      period: 'quarter',
      rows: [
        { ...month(2023, 1, 20, [20, 10]), label: '2023-Q1' },
        { ...month(2023, 4, 20, [20]), label: '2023-Q2' },
      ],
      lastPeriodComplete: true,
    };
    expect(retentionCurves(quarters).grouping).toBe('quarter');
    // Age 1: only the first quarter's 20 reached it: 10/20.
    expectCurves(retentionCurves(quarters, 1).curves, [['2023', 40, [1, 0.5]]]);
  });

  it('has no curve for an empty table', () => {
    expect(retentionCurves({ period: 'month', rows: [], lastPeriodComplete: true }).curves).toEqual([]);
  });
});

describe('retentionChart', () => {
  const chart = retentionChart(Q1, 'en-US');

  it('starts at age 1, in percent, one series per curve that has more than its first period', () => {
    expect(chart.labels).toEqual(['1', '2']);
    expect(chart.series.map((series) => series.name)).toEqual([
      '2024-01 (30 customers)',
      '2024-02 (20 customers)',
    ]);
    expectCloseTo(chart.series[0]?.values[0], 40);
    expectCloseTo(chart.series[0]?.values[1], 30);
    expectCloseTo(chart.series[1]?.values[0], 20);
    expect(chart.series[1]?.values[1]).toBeNull();
    expect(chart.y.unit).toEqual({ kind: 'percent' });
    expect(chart.x.title).toBe('Months since the first order');
  });

  it('says what each curve shows, and which one is too recent', () => {
    expect(chart.summary).toBe(
      'One line per month of first order. ' +
        '2024-01 (30 customers): 40% bought in the month after their first, and 30% 2 months on. ' +
        '2024-02 (20 customers): 20% bought in the month after their first. ' +
        '2024-03 (10 customers): too recent for a whole month after the first. ' +
        'Each line ends where fewer than 20 of its customers have been seen that long.',
    );
  });

  it('says how it pooled the cohorts and that it left out the unfinished month', () => {
    const pooled = retentionChart({ ...Q1, lastPeriodComplete: false, rows: Q1.rows.slice(0, 1) }, 'en-US');
    expect(pooled.summary).toContain('The last month, not yet over, is left out.');
    const many = retentionChart(
      {
        period: 'month',
        rows: Array.from({ length: 7 }, (_, index) => month(2024, index + 1, 25, [25, 5])),
        lastPeriodComplete: true,
      },
      'en-US',
    );
    expect(many.summary).toMatch(/^The monthly cohorts above are pooled into one line per quarter of first/);
    // January to July: two whole quarters of 75 and July's 25.
    expect(many.series.map((series) => series.name)).toEqual([
      '2024-Q1 (75 customers)',
      '2024-Q2 (75 customers)',
      '2024-Q3 (25 customers)',
    ]);
  });

  it('says there is nothing to draw before a whole period after the first', () => {
    const young = retentionChart({ ...Q1, rows: Q1.rows.slice(2) }, 'en-US');
    expect(young.series).toEqual([]);
    expect(young.labels).toEqual([]);
    expect(young.summary).toMatch(/^No customer has a whole month after the one of their first order yet/);
  });

  it('draws the cohorts of a real history', () => {
    // a buys in January and February, b in January, c on 29 February, the last day of the history's
    // last month: January's cohort is a and b, half of whom bought in February.
    const csv = 'customer,date,amount\na,2024-01-05,10\na,2024-02-10,20\nb,2024-01-20,30\nc,2024-02-29,40';
    const history = createHistory();
    for (const fields of Papa.parse<string[]>(csv).data.slice(1)) {
      const row = validateRow(fields, { customer: 0, date: 1, amount: 2, columns: 3 }, 'YYYY-MM-DD');
      if (!row.ok) throw new Error(row.reason);
      history.add(row.order);
    }
    const summary = history.finish();
    if (!summary) throw new Error('no orders');
    const drawn = retentionChart(summary.cohorts, 'en-US');
    expect(drawn.labels).toEqual(['1']);
    expect(drawn.series).toEqual([{ name: '2024-01 (2 customers)', values: [50], style: 'line' }]);
  });
});

describe('valueByAgeChart', () => {
  // 60 customers at age 0, 50 reached age 1, 30 age 2, and only 10 age 3, fewer than 20.
  const points: ValueAtAge[] = [
    { age: 0, customers: 60, revenuePerCustomer: 50 },
    { age: 1, customers: 50, revenuePerCustomer: 70 },
    { age: 2, customers: 30, revenuePerCustomer: 90 },
    { age: 3, customers: 10, revenuePerCustomer: 200 },
  ];
  const chart = valueByAgeChart(points, 'month', 'USD', 'en-US');

  it('draws the ages enough customers reached, with their number as a table column', () => {
    expect(chart.labels).toEqual(['0', '1', '2']);
    expect(chart.series).toEqual([{ name: 'Revenue per customer', values: [50, 70, 90], style: 'line' }]);
    expect(chart.columns).toEqual([
      { name: 'Customers observed', values: [60, 50, 30], unit: { kind: 'count' } },
    ]);
    expect(chart.y).toEqual({
      title: 'Revenue per customer (USD)',
      unit: { kind: 'money', currency: 'USD' },
    });
  });

  it('says where the value starts and ends, on how many customers, and what it left out', () => {
    expect(chart.summary).toBe(
      'A customer brought $50.00 on average in the month of their first order and $90.00 by 2 months on. ' +
        'Each age averages the customers who have reached it: 60 at the start, 30 at 2; older ages, seen by ' +
        'fewer than 20, are left out.',
    );
  });

  it('names the value a year on, by quarters too', () => {
    const quarters = Array.from({ length: 6 }, (_, age) => ({
      age,
      customers: 100,
      revenuePerCustomer: 10 * (age + 1),
    }));
    expect(valueByAgeChart(quarters, 'quarter', 'EUR', 'en-US').summary).toBe(
      'A customer brought €10.00 on average in the quarter of their first order, €50.00 by a year later and ' +
        '€60.00 by 5 quarters on. Each age averages the customers who have reached it: 100 at the start, 100 at 5.',
    );
  });

  it('explains a fall, which only a change in the customers averaged can make', () => {
    const falling = [
      { age: 0, customers: 40, revenuePerCustomer: 50 },
      { age: 1, customers: 30, revenuePerCustomer: 45 },
    ];
    expect(valueByAgeChart(falling, 'month', 'USD', 'en-US').summary).toMatch(
      /\. Where the line falls, that age averages fewer, earlier customers: no one customer’s revenue to date ever falls\.$/,
    );
    expect(chart.summary).not.toContain('falls');
  });

  it('says there is nothing to show without customers', () => {
    const empty = valueByAgeChart([], 'month', 'USD', 'en-US');
    expect(empty.labels).toEqual([]);
    expect(empty.summary).toBe('There are no customers to show.');
  });
});
