/**
 * Tests of the orders charts' Chart.js configuration (src/lib/orders/charts/chart-config.ts): how series
 * are told apart, the datasets per style, the axes, and the two drawing plugins, run against a fake chart
 * whose pixel positions are simple lines so every drawn rectangle can be worked by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Chart } from 'chart.js';
import {
  BAR_GROUP_WIDTH,
  barsPlugin,
  markerPlugin,
  ordersChartConfig,
  ordersChartSpec,
  SERIES_COLOR_VARS,
  seriesDataset,
  seriesLook,
} from '../../../../src/lib/orders/charts/chart-config';
import type { ChartTheme } from '../../../../src/lib/chart/line-chart-config';
import type { DrawnChartType } from '../../../../src/lib/chart/chart-spec';
import type { OrdersChartData } from '../../../../src/lib/orders/charts/chart-data';

const theme: ChartTheme = {
  text: '#444444',
  grid: '#eeeeee',
  series: { '--chart-customer': '#0d5c4d', '--chart-sale': '#a4491c', '--chart-alternative': '#1f6fb2' },
  reducedMotion: true,
};

const histogram: OrdersChartData = {
  title: 'Customers by repeat orders',
  labels: ['0', '1', '2+'],
  series: [
    { name: 'Actual', values: [50, 30, 20], style: 'bar' },
    { name: 'Model', values: [48, 33, null], style: 'bar' },
    { name: 'Expected later', values: [0.2, 1.1, 2.5], style: 'points' },
  ],
  x: { title: 'Repeat orders before the calibration end' },
  y: { title: 'Customers', unit: { kind: 'count' } },
  marker: { at: '1', label: 'calibration end' },
  locale: 'en-US',
};

describe('seriesLook', () => {
  it('gives the first six series six colours and six point shapes, and no two the same dash in a row', () => {
    const looks = Array.from({ length: 6 }, (_, index) => seriesLook(index));
    expect(new Set(looks.map((look) => look.colorVar)).size).toBe(6);
    expect(new Set(looks.map((look) => look.pointStyle)).size).toBe(6);
    for (let index = 1; index < looks.length; index++)
      expect(looks[index]?.dash).not.toEqual(looks[index - 1]?.dash);
  });

  it('differs by shape or dash where colours come round again', () => {
    for (let index = 0; index < 6; index++) {
      const first = seriesLook(index);
      const again = seriesLook(index + SERIES_COLOR_VARS.length);
      expect(again.colorVar).toBe(first.colorVar);
      expect(again.dash).not.toEqual(first.dash);
    }
  });
});

describe('seriesDataset', () => {
  it('draws a line with its colour, dash and points', () => {
    const line = seriesDataset({ name: 'A', values: [1, null, 3], style: 'line' }, 1, theme);
    expect(line).toMatchObject({
      type: 'line',
      label: 'A',
      data: [1, null, 3],
      borderColor: '#a4491c',
      borderDash: [8, 4],
      showLine: true,
      pointStyle: 'rect',
      pointRadius: 3,
    });
  });

  it('draws points alone, without a line', () => {
    const points = seriesDataset({ name: 'P', values: [1], style: 'points' }, 0, theme);
    expect(points).toMatchObject({ showLine: false, pointRadius: 4, pointStyle: 'circle' });
  });

  it('leaves bars to the plugin: invisible points, a filled or an outlined square in the legend', () => {
    const filled = seriesDataset({ name: 'B', values: [1], style: 'bar' }, 0, theme, 0);
    const outlined = seriesDataset({ name: 'C', values: [1], style: 'bar' }, 2, theme, 1);
    expect(filled).toMatchObject({ showLine: false, pointRadius: 0, backgroundColor: '#0d5c4d' });
    expect(outlined).toMatchObject({ backgroundColor: 'transparent', borderColor: '#1f6fb2' });
  });

  it('falls back to the text colour for a colour the theme lacks', () => {
    expect(seriesDataset({ name: 'D', values: [], style: 'line' }, 3, theme).borderColor).toBe('#444444');
  });

  it('copies the values, so Chart.js may own the array', () => {
    const values = [1, 2];
    const dataset = seriesDataset({ name: 'E', values, style: 'line' }, 0, theme);
    expect(dataset.data).toEqual(values);
    expect(dataset.data).not.toBe(values);
  });
});

describe('ordersChartConfig', () => {
  const config = ordersChartConfig(histogram, theme);
  const plugins = config.plugins ?? [];

  it('has a dataset per series and fresh labels', () => {
    expect(config.data.labels).toEqual(['0', '1', '2+']);
    expect(config.data.labels).not.toBe(histogram.labels);
    expect(config.data.datasets.map((dataset) => dataset.label)).toEqual([
      'Actual',
      'Model',
      'Expected later',
    ]);
  });

  it('adds the bars and the marker plugins only when needed', () => {
    expect(plugins.map((plugin) => plugin.id)).toEqual(['ordersBars', 'ordersMarker']);
    const lines = ordersChartConfig(
      { ...histogram, marker: undefined, series: [{ name: 'L', values: [1, 2, 3], style: 'line' }] },
      theme,
    );
    expect(lines.plugins).toEqual([]);
  });

  it('gives bars room at the ends of the axis, and counts whole ticks', () => {
    const scales = config.options?.scales as Record<string, Record<string, unknown>>;
    expect(scales['x']?.['offset']).toBe(true);
    expect(scales['y']?.['ticks']).toMatchObject({ precision: 0 });
    expect(scales['y']?.['grace']).toBe('5%');
    const tick = (scales['y']?.['ticks'] as { callback: (value: number) => string }).callback;
    expect(tick(1200)).toBe('1,200');
  });

  it('writes tooltip values in the unit, and leaves out a series with no value there', () => {
    const tooltip = config.options?.plugins?.tooltip as unknown as {
      filter: (item: { parsed: { y: number | null } }) => boolean;
      callbacks: { label: (item: { dataset: { label: string }; parsed: { y: number } }) => string };
    };
    expect(tooltip.filter({ parsed: { y: 3 } })).toBe(true);
    expect(tooltip.filter({ parsed: { y: null } })).toBe(false);
    expect(tooltip.callbacks.label({ dataset: { label: 'Actual' }, parsed: { y: 1234 } })).toBe(
      'Actual: 1,234',
    );
  });

  it('turns animation off for reduced motion', () => {
    expect(config.options?.animation).toBe(false);
    expect(ordersChartConfig(histogram, { ...theme, reducedMotion: false }).options?.animation).toEqual({
      duration: 250,
    });
  });

  it('as a spec: the colours it reads, and the same configuration', () => {
    const spec = ordersChartSpec(histogram);
    expect(spec.colorVars).toEqual(['--chart-customer', '--chart-sale', '--chart-alternative']);
    expect(spec.config(theme).data).toEqual(config.data);
  });
});

/** A canvas context that records what is drawn. */
function recordingContext() {
  const calls: [string, ...unknown[]][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push([name, ...args]);
  const context = {
    calls,
    save: record('save'),
    restore: record('restore'),
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    stroke: record('stroke'),
    rect: record('rect'),
    clip: record('clip'),
    fillRect: record('fillRect'),
    strokeRect: record('strokeRect'),
    fillText: record('fillText'),
    setLineDash: record('setLineDash'),
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 0,
    textAlign: '',
    textBaseline: '',
  };
  return context;
}

/**
 * A chart whose category i sits at x = 100 + 50 i and whose value v at y = 300 − 10 v, in a chart area
 * from (80, 20) to (260, 300).
 */
function fakeChart(datasets: { data: (number | null)[]; borderColor: string }[], hidden: number[] = []) {
  const ctx = recordingContext();
  const chart = {
    ctx,
    chartArea: { left: 80, top: 20, right: 260, bottom: 300 },
    scales: {
      x: { getPixelForValue: (index: number) => 100 + 50 * index, width: 180 },
      y: { getPixelForValue: (value: number) => 300 - 10 * value },
    },
    data: { labels: ['0', '1', '2'], datasets },
    isDatasetVisible: (index: number) => !hidden.includes(index),
  };
  return { chart: chart as unknown as Chart<DrawnChartType>, ctx };
}

describe('barsPlugin', () => {
  it('draws bars side by side from zero, the second outlined inside its bar, skipping a missing value', () => {
    const { chart, ctx } = fakeChart([
      { data: [5, 2, 8], borderColor: '#0d5c4d' },
      { data: [3, null, 1], borderColor: '#a4491c' },
    ]);
    barsPlugin([
      { datasetIndex: 0, color: '#0d5c4d' },
      { datasetIndex: 1, color: '#a4491c' },
    ]).beforeDatasetsDraw?.(chart, { cancelable: true }, {});
    // Band 50 px; the two bars share 0.8 of it: 20 px each, starting 20 px left of the category's centre.
    expect(BAR_GROUP_WIDTH).toBe(0.8);
    const bars = ctx.calls.filter(([name]) => name === 'fillRect' || name === 'strokeRect');
    expect(bars).toEqual([
      ['fillRect', 80, 250, 20, 50],
      ['fillRect', 130, 280, 20, 20],
      ['fillRect', 180, 220, 20, 80],
      // Outlined: 1 px inside, so its 2 px line stays within the bar's 20 px.
      ['strokeRect', 101, 271, 18, 28],
      ['strokeRect', 201, 291, 18, 8],
    ]);
    // Each series in its own colour, the outlined one last.
    expect(ctx.strokeStyle).toBe('#a4491c');
    expect(ctx.calls[0]?.[0]).toBe('save');
    expect(ctx.calls).toContainEqual(['rect', 80, 20, 180, 280]);
    expect(ctx.calls.at(-1)?.[0]).toBe('restore');
  });

  it('skips a series hidden from the legend', () => {
    const { chart, ctx } = fakeChart(
      [
        { data: [5, 2, 8], borderColor: '#0d5c4d' },
        { data: [3, 4, 1], borderColor: '#a4491c' },
      ],
      [0],
    );
    barsPlugin([
      { datasetIndex: 0, color: '#0d5c4d' },
      { datasetIndex: 1, color: '#a4491c' },
    ]).beforeDatasetsDraw?.(chart, { cancelable: true }, {});
    expect(ctx.calls.filter(([name]) => name === 'fillRect')).toEqual([]);
    expect(ctx.calls.filter(([name]) => name === 'strokeRect')).toHaveLength(3);
  });
});

describe('markerPlugin', () => {
  it('draws a dashed line at the label, top to bottom, named on the side with more room', () => {
    const { chart, ctx } = fakeChart([]);
    markerPlugin(0, 'calibration end', '#444444').afterDatasetsDraw?.(chart, {}, {}, false);
    // x = 100, left of the middle (170): the words go to its right, 4 px off the line and the top.
    expect(ctx.calls).toContainEqual(['setLineDash', [6, 4]]);
    expect(ctx.calls).toContainEqual(['moveTo', 100, 20]);
    expect(ctx.calls).toContainEqual(['lineTo', 100, 300]);
    expect(ctx.calls).toContainEqual(['fillText', 'calibration end', 104, 24]);
    expect(ctx.textAlign).toBe('left');
  });

  it('puts the words on the left of a line right of the middle', () => {
    const { chart, ctx } = fakeChart([]);
    markerPlugin(2, 'today', '#444444').afterDatasetsDraw?.(chart, {}, {}, false);
    expect(ctx.calls).toContainEqual(['fillText', 'today', 196, 24]);
    expect(ctx.textAlign).toBe('right');
  });
});
