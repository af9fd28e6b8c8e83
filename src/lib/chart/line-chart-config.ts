import type { ChartConfiguration } from 'chart.js';
import type { CurrencyCode } from '../currency';
import { formatMoney, formatNumber, formatPercent } from '../format';

/**
 * How a series is drawn: the main curve, a second scenario's curve, a flat comparison line, a threshold, or
 * measured data as points only (a model's curve runs through them).
 */
export type SeriesRole = 'main' | 'alternative' | 'comparison' | 'threshold' | 'observed';

/** One line of a chart, as plain data. */
export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  /** One value per label; null where the series has no value (measured data that stop), drawn as a gap. */
  readonly values: readonly (number | null)[];
  readonly role: SeriesRole;
  /** A CSS custom property on :root that holds this series' colour, e.g. "--chart-customer". */
  readonly colorVar: string;
}

/** Everything a line chart shows, as plain data: no Chart.js objects, so it can be tested and snapshotted. */
export interface LineChartModel {
  readonly labels: readonly string[];
  readonly xTitle: string;
  readonly yTitle: string;
  readonly series: readonly ChartSeries[];
  /** How the y values read: money in a currency, a plain count, or a percent number (63.1 is 63.1 %). */
  readonly valueFormat:
    | { readonly kind: 'money'; readonly currency: CurrencyCode }
    | { readonly kind: 'count' }
    | { readonly kind: 'percent' };
  readonly locale: string;
  /** Label the x axis only where the label is a multiple of this: 12 on a monthly axis, a label a year. */
  readonly tickStep?: number | undefined;
}

/** Past this many labels a line's points would crowd into a bead chain: the line is drawn without them. */
export const DENSE_LABELS = 40;

/** Each role's point size where the labels leave room for points. */
const POINT_RADIUS: Readonly<Record<SeriesRole, number>> = {
  main: 3,
  alternative: 2,
  comparison: 0,
  threshold: 0,
  observed: 3,
};

/** Colours resolved from the page's theme, so the chart matches light and dark mode. */
export interface ChartTheme {
  readonly text: string;
  readonly grid: string;
  /** Colour of each series by its colorVar. */
  readonly series: Readonly<Record<string, string>>;
  readonly reducedMotion: boolean;
}

/** Formats a y value for the axis and tooltips. */
export function formatChartValue(model: LineChartModel, value: number): string {
  switch (model.valueFormat.kind) {
    case 'money':
      return formatMoney(value, model.valueFormat.currency, model.locale);
    case 'percent':
      return formatPercent(value, model.locale, 1);
    case 'count':
      return formatNumber(value, model.locale, 0);
  }
}

/** The Chart.js line configuration for a model and theme; data arrays are fresh copies Chart.js may mutate. */
export function lineChartConfig(model: LineChartModel, theme: ChartTheme): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: lineChartData(model, theme),
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: theme.reducedMotion ? false : { duration: 250 },
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { color: theme.text, usePointStyle: true, boxHeight: 8 } },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${formatChartValue(model, Number(item.parsed.y))}`,
          },
        },
      },
      scales: {
        x: {
          title: { display: true, text: model.xTitle, color: theme.text },
          ticks: { color: theme.text, ...xTicks(model) },
          grid: { color: theme.grid },
        },
        y: {
          beginAtZero: true,
          title: { display: true, text: model.yTitle, color: theme.text },
          ticks: { color: theme.text, callback: (value) => formatChartValue(model, Number(value)) },
          grid: { color: theme.grid },
        },
      },
    },
  };
}

/** The x axis's labels at every tickStep-th period, level, instead of as many as fit, turned on their side. */
function xTicks(model: LineChartModel) {
  const step = model.tickStep;
  if (!step) return {};
  return {
    autoSkip: false,
    maxRotation: 0,
    callback: (_value: unknown, index: number) => {
      const label = model.labels[index];
      return label !== undefined && Number(label) % step === 0 ? label : null;
    },
  };
}

/** Only the data part, for updating an existing chart in place. */
export function lineChartData(model: LineChartModel, theme: ChartTheme): ChartConfiguration<'line'>['data'] {
  const dense = model.labels.length > DENSE_LABELS;
  return {
    labels: [...model.labels],
    datasets: model.series.map((series) => {
      const color = theme.series[series.colorVar] ?? theme.text;
      return {
        label: series.label,
        data: [...series.values],
        borderColor: color,
        backgroundColor: color,
        borderWidth: series.role === 'main' || series.role === 'alternative' ? 3 : 2,
        borderDash: series.role === 'threshold' ? [6, 5] : series.role === 'alternative' ? [2, 3] : [],
        // Measured points are always drawn; a model's points only where there is room for them.
        pointRadius: series.role === 'observed' || !dense ? POINT_RADIUS[series.role] : 0,
        pointStyle: series.role === 'alternative' ? 'rectRot' : 'circle',
        pointHoverRadius: 5,
        tension: 0.25,
        // Added only where needed, so the other roles' datasets stay exactly as they were.
        ...(series.role === 'observed' ? { showLine: false } : {}),
        // Chart.js's default, stated: a value that is missing is a gap, never bridged by a guessed line.
        ...(series.values.includes(null) ? { spanGaps: false } : {}),
      };
    }),
  };
}
