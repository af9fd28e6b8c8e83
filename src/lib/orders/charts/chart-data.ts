/**
 * The orders page's charts as plain data: what a chart shows, and the words, table and CSV that say the same
 * for people who cannot or would rather not read a picture. `chart-config.ts` turns the same data into a
 * Chart.js configuration; nothing here knows about Chart.js or the DOM.
 */
import type { CurrencyCode } from '../../currency';
import { formatMoney, formatNumber, formatPercent } from '../../format';
import { csvNumber, type CsvCell, type CsvTable } from '../../csv';
import type { TableModel } from '../../table';

/** How a series is drawn: a line through its points, the points alone, or bars. */
export type SeriesStyle = 'line' | 'points' | 'bar';

/** What the y values are: percent numbers (60 means 60 %), money, whole counts, or plain numbers. */
export type ValueUnit =
  | { readonly kind: 'percent' }
  | { readonly kind: 'money'; readonly currency: CurrencyCode }
  | { readonly kind: 'count' }
  | { readonly kind: 'number'; readonly decimals: number };

/** One series: a value for each label, `null` where there is none (a cohort too young for that age). */
export interface OrdersChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly style: SeriesStyle;
}

/** A column of the table and the CSV that is not drawn, such as how many customers each point stands on. */
export interface OrdersChartColumn {
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly unit: ValueUnit;
}

/** Everything an orders chart shows, as plain data that can be tested, tabled and written as CSV. */
export interface OrdersChartData {
  /** The chart's caption, and the table's. */
  readonly title: string;
  /** The x axis' categories, in order: ages, weeks, frequencies ("0", "1", … "7+"). */
  readonly labels: readonly string[];
  readonly series: readonly OrdersChartSeries[];
  /** The x axis' title, with its unit in words: "Months since the first order". */
  readonly x: { readonly title: string };
  /** The y axis' title and the unit of every series' values. */
  readonly y: { readonly title: string; readonly unit: ValueUnit };
  /** A dashed vertical line at one of the labels, named in its own words: the calibration end. */
  readonly marker?: { readonly at: string; readonly label: string } | undefined;
  /** Columns for the table and CSV only. */
  readonly columns?: readonly OrdersChartColumn[] | undefined;
  /** What the chart says, in a sentence or three; without it, {@link describeChart} writes one. */
  readonly summary?: string | undefined;
  /** The reader's locale, for every number shown. */
  readonly locale: string;
}

/** Shown in the table where a series has no value. */
export const NO_VALUE = '–';

/**
 * A value in its unit, for people: "18.2%", "$61.43", "1,204", "0.35".
 * @example formatValue(18.24, { kind: 'percent' }, 'en-US') // "18.2%"
 */
export function formatValue(value: number, unit: ValueUnit, locale: string): string {
  switch (unit.kind) {
    case 'percent':
      return formatPercent(value, locale, 1);
    case 'money':
      return formatMoney(value, unit.currency, locale);
    case 'count':
      return formatNumber(value, locale, 0);
    case 'number':
      return formatNumber(value, locale, unit.decimals);
  }
}

/**
 * A value on the y axis: as {@link formatValue}, but whole money amounts without cents, which on every
 * tick of an axis are noise.
 * @example formatTick(50, { kind: 'money', currency: 'USD' }, 'en-US') // "$50"
 */
export function formatTick(value: number, unit: ValueUnit, locale: string): string {
  if (unit.kind !== 'money' || !Number.isInteger(value)) return formatValue(value, unit, locale);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: unit.currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(value);
}

/** The unit as a CSV header writes it after a column's name ("(%)", "(USD)"), or nothing for counts. */
function unitHeader(unit: ValueUnit): string {
  if (unit.kind === 'percent') return ' (%)';
  if (unit.kind === 'money') return ` (${unit.currency})`;
  return '';
}

/** A value for the CSV: percentages to 4 decimals, money to 2, counts and numbers to 4, as in csv.ts. */
function csvValue(value: number | null, unit: ValueUnit): CsvCell {
  if (value === null) return null;
  return Number(csvNumber(value, unit.kind === 'money' ? 2 : 4));
}

/** The index of the marker's label among the labels, or -1 when there is no marker or it is not one of them. */
export function markerIndex(data: OrdersChartData): number {
  return data.marker ? data.labels.indexOf(data.marker.at) : -1;
}

/** Every column after the first, drawn or not, with its unit. */
function valueColumns(data: OrdersChartData): OrdersChartColumn[] {
  return [...data.series.map((series) => ({ ...series, unit: data.y.unit })), ...(data.columns ?? [])];
}

/** Whether every label is a plain number, so the first column aligns right like the others. */
function numericLabels(labels: readonly string[]): boolean {
  return labels.every((label) => /^\d+(?:\.\d+)?\+?$/.test(label));
}

/** The chart's numbers as a table for the page: one row per label, a column per series, then the others. */
export function chartTable(data: OrdersChartData): TableModel {
  const columns = valueColumns(data);
  const marker = markerIndex(data);
  return {
    caption: data.title,
    columns: [
      { label: data.x.title, numeric: numericLabels(data.labels) },
      ...columns.map((column) => ({ label: column.name, numeric: true })),
    ],
    rows: data.labels.map((label, index) => [
      index === marker ? `${label} (${data.marker?.label ?? ''})` : label,
      ...columns.map((column) => {
        const value = column.values[index];
        return value === null || value === undefined
          ? NO_VALUE
          : formatValue(value, column.unit, data.locale);
      }),
    ]),
  };
}

/** The chart's numbers as CSV rows: unformatted, with each column's unit in its header. */
export function chartCsv(data: OrdersChartData): CsvTable {
  const columns = valueColumns(data);
  return {
    columns: [data.x.title, ...columns.map((column) => `${column.name}${unitHeader(column.unit)}`)],
    rows: data.labels.map((label, index) => [
      label,
      ...columns.map((column) => csvValue(column.values[index] ?? null, column.unit)),
    ]),
  };
}

/** The first and last labels at which a series has a value, with those values; null when it has none. */
function ends(
  data: OrdersChartData,
  values: readonly (number | null)[],
): { first: [string, number]; last: [string, number] } | null {
  const points = data.labels.flatMap((label, index): [string, number][] => {
    const value = values[index];
    return value === null || value === undefined ? [] : [[label, value]];
  });
  const first = points[0];
  const last = points.at(-1);
  return first && last ? { first, last } : null;
}

/** The most series a generated summary names one by one. */
const SUMMARY_SERIES = 6;

/**
 * A plain description of any chart, for when its maker wrote none: what it plots against what, where each
 * series starts and ends, and the marker.
 *
 * @example describeChart({ title: 'Orders by week', labels: ['1', '2'], x: { title: 'Week' },
 *   y: { title: 'Orders', unit: { kind: 'count' } }, locale: 'en-US',
 *   series: [{ name: 'Actual', values: [3, 5], style: 'line' }] })
 * // "Orders by week: Orders against Week, from 1 to 2. Actual: 3 at 1, 5 at 2."
 */
export function describeChart(data: OrdersChartData): string {
  const format = (value: number) => formatValue(value, data.y.unit, data.locale);
  const sentences = [
    `${data.title}: ${data.y.title} against ${data.x.title}, from ${data.labels[0] ?? NO_VALUE} to ${data.labels.at(-1) ?? NO_VALUE}.`,
  ];
  for (const series of data.series.slice(0, SUMMARY_SERIES)) {
    const range = ends(data, series.values);
    sentences.push(
      range
        ? `${series.name}: ${format(range.first[1])} at ${range.first[0]}, ${format(range.last[1])} at ${range.last[0]}.`
        : `${series.name}: no values.`,
    );
  }
  const more = data.series.length - SUMMARY_SERIES;
  if (more > 0) sentences.push(`${more} more series are in the table.`);
  if (markerIndex(data) >= 0 && data.marker)
    sentences.push(`A dashed line marks ${data.marker.label} at ${data.marker.at}.`);
  return sentences.join(' ');
}

/** The summary the page shows beside the chart: its maker's, or a generated one. */
export function chartSummary(data: OrdersChartData): string {
  return data.summary ?? describeChart(data);
}
