import { describe, expect, it } from 'vitest';
import {
  formatChartValue,
  lineChartConfig,
  lineChartData,
  type ChartTheme,
  type LineChartModel,
} from '../../../src/lib/chart/line-chart-config';

const theme: ChartTheme = { text: '#444', grid: '#eee', series: { '--a': '#111' }, reducedMotion: true };

const model = (series: LineChartModel['series'], valueFormat: LineChartModel['valueFormat']) =>
  ({ labels: ['0', '1', '2'], xTitle: 'x', yTitle: 'y', series, valueFormat, locale: 'en-US' }) as const;

describe('formatChartValue', () => {
  it('reads percent numbers as percentages in the reader’s locale, to a tenth', () => {
    expect(formatChartValue(model([], { kind: 'percent' }), 63.14)).toBe('63.1%');
    expect(formatChartValue({ ...model([], { kind: 'percent' }), locale: 'de-DE' }, 50)).toBe('50\u00a0%');
  });

  it('leaves money and counts as they were', () => {
    expect(formatChartValue(model([], { kind: 'money', currency: 'USD' }), 12.5)).toBe('$12.50');
    expect(formatChartValue(model([], { kind: 'count' }), 1234.4)).toBe('1,234');
  });
});

describe('lineChartData', () => {
  const dataset = (role: LineChartModel['series'][number]['role'], values: (number | null)[] = [1, 2, 3]) =>
    lineChartData(model([{ id: role, label: role, values, role, colorVar: '--a' }], { kind: 'count' }), theme)
      .datasets[0]!;

  it('draws observed data as points only, with no line between them', () => {
    expect(dataset('observed')).toMatchObject({
      showLine: false,
      pointRadius: 3,
      borderWidth: 2,
      borderDash: [],
    });
  });

  it('draws the other roles exactly as before, with no showLine or spanGaps', () => {
    const common = {
      label: 'main',
      data: [1, 2, 3],
      borderColor: '#111',
      backgroundColor: '#111',
      pointHoverRadius: 5,
      tension: 0.25,
    };
    expect(dataset('main')).toEqual({
      ...common,
      borderWidth: 3,
      borderDash: [],
      pointRadius: 3,
      pointStyle: 'circle',
    });
    expect(dataset('alternative')).toEqual({
      ...common,
      label: 'alternative',
      borderWidth: 3,
      borderDash: [2, 3],
      pointRadius: 2,
      pointStyle: 'rectRot',
    });
    expect(dataset('comparison')).toEqual({
      ...common,
      label: 'comparison',
      borderWidth: 2,
      borderDash: [],
      pointRadius: 0,
      pointStyle: 'circle',
    });
    expect(dataset('threshold')).toEqual({
      ...common,
      label: 'threshold',
      borderWidth: 2,
      borderDash: [6, 5],
      pointRadius: 0,
      pointStyle: 'circle',
    });
  });

  it('keeps a missing value as a gap', () => {
    const gappy = dataset('observed', [100, 50, null]);
    expect(gappy.data).toEqual([100, 50, null]);
    expect(gappy.spanGaps).toBe(false);
  });
});

describe('a long axis', () => {
  const months = Array.from({ length: 121 }, (_, month) => String(month));
  const long = (role: LineChartModel['series'][number]['role'], tickStep?: number): LineChartModel => ({
    ...model([{ id: role, label: role, values: months.map(Number), role, colorVar: '--a' }], {
      kind: 'count',
    }),
    labels: months,
    tickStep,
  });

  it('draws a model’s line without points past 40 labels, and measured points always', () => {
    expect(lineChartData(long('main'), theme).datasets[0]?.pointRadius).toBe(0);
    expect(lineChartData(long('alternative'), theme).datasets[0]?.pointRadius).toBe(0);
    expect(lineChartData(long('observed'), theme).datasets[0]?.pointRadius).toBe(3);
  });

  it('labels a monthly axis once a year: months 0, 12, …, 120 and no other', () => {
    const ticks = lineChartConfig(long('main', 12), theme).options?.scales?.x?.ticks as {
      callback: (value: unknown, index: number) => string | null;
    };
    const shown = months.map((_, index) => ticks.callback(index, index)).filter((label) => label !== null);
    expect(shown).toEqual(['0', '12', '24', '36', '48', '60', '72', '84', '96', '108', '120']);
  });

  it('leaves a short axis to Chart.js', () => {
    expect(lineChartConfig(model([], { kind: 'count' }), theme).options?.scales?.x?.ticks).not.toHaveProperty(
      'callback',
    );
  });
});
