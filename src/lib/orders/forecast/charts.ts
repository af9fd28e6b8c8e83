/**
 * The forecast's charts as plain data: the spread of p_alive, the tracking chart (weekly and cumulative,
 * the calibration end marked), holdout purchases by calibration frequency, and the frequency histogram.
 * Each is the orders chart component's data (`OrdersChartData`, src/lib/orders/charts/chart-data.ts).
 */
import { formatNumber, formatPercent } from '../../format';
import type { OrdersChartData } from '../charts/chart-data';
import type { CustomerForecasts } from './customers';
import type { HoldoutCheck } from './holdout';

/** The forecast's charts are drawn by the orders chart component. */
export type ForecastChartData = OrdersChartData;

/** Bands of the p_alive spread: 0–10 %, 10–20 %, …, 90–100 %. */
export const ALIVE_BANDS = 10;

/**
 * Customers by their chance of still buying, in ten bands of 10 points; 100 % falls in the last band.
 * @example aliveSpreadCounts(Float64Array.of(0.05, 0.5, 1)) // [1, 0, 0, 0, 0, 1, 0, 0, 0, 1]
 */
export function aliveSpreadCounts(pAlive: Float64Array): number[] {
  const counts = new Int32Array(ALIVE_BANDS);
  // An index loop: for…of over 190,000 customers made an iterator result each, 80 ms on the page's thread.
  for (let index = 0; index < pAlive.length; index++)
    counts[Math.min(ALIVE_BANDS - 1, Math.floor(pAlive[index]! * ALIVE_BANDS))]! += 1;
  return Array.from(counts);
}

/** The labels of the bands: "0–10 %", …, "90–100 %". */
export const ALIVE_BAND_LABELS: readonly string[] = Array.from(
  { length: ALIVE_BANDS },
  (_, band) => `${band * 10}–${band * 10 + 10}\u00a0%`,
);

/** The spread of p_alive over the customers, as bars. */
export function aliveSpreadChart(table: CustomerForecasts, locale: string): ForecastChartData {
  const counts = aliveSpreadCounts(table.pAlive);
  return {
    title: 'How many customers are still likely to buy',
    labels: ALIVE_BAND_LABELS,
    series: [{ name: 'Customers', values: counts, style: 'bar' }],
    x: { title: 'Chance the customer still buys' },
    y: { title: 'Customers', unit: { kind: 'count' } },
    summary: aliveSpreadSummary(counts, locale),
    locale,
  };
}

/**
 * The spread in a sentence: how many are likely still buying (70 % or more) and how many have likely gone
 * (under 30 %), the page's segment thresholds.
 * @example aliveSpreadSummary([1, 0, 0, 0, 0, 0, 0, 0, 1, 2], 'en-US')
 *   // "Of 4 customers, 3 have a chance of 70 % or more that they still buy, and 1 under 30 %."
 */
export function aliveSpreadSummary(counts: readonly number[], locale: string): string {
  const sum = (values: readonly number[]) => values.reduce((total, n) => total + n, 0);
  const count = (n: number) => formatNumber(n, locale, 0);
  const likely = sum(counts.slice(7));
  const gone = sum(counts.slice(0, 3));
  return `Of ${count(sum(counts))} customers, ${count(likely)} have a chance of ${formatPercent(70, locale, 0)} or more that they still buy, and ${count(gone)} under ${formatPercent(30, locale, 0)}.`;
}

/** The tracking chart of Fader, Hardie & Lee (2005): repeat purchases by week, actual and model, the calibration end marked. */
export function trackingChart(check: HoldoutCheck, cumulative: boolean, locale: string): ForecastChartData {
  const data = cumulative ? check.cumulative : check.weekly;
  return {
    title: cumulative ? 'Repeat purchases, summed week by week' : 'Repeat purchases each week',
    labels: data.labels,
    series: data.series.map((series) => ({
      name: series.name,
      values: series.values,
      style: 'line' as const,
    })),
    x: { title: 'Week of your history' },
    y: { title: 'Repeat purchases', unit: { kind: 'number', decimals: 1 } },
    marker: { at: data.labels[check.calibrationWeek] ?? '', label: 'Calibration end' },
    locale,
  };
}

/** Mean holdout purchases by calibration frequency, actual as bars and the model's conditional expectation as points. */
export function byFrequencyChart(check: HoldoutCheck, locale: string): ForecastChartData {
  const [actual, model] = check.byFrequency.series;
  return {
    title: 'Repeat purchases after the calibration end, per customer, by purchases before it',
    labels: check.byFrequency.labels,
    series: [
      { name: 'Actual', values: actual?.values ?? [], style: 'bar' },
      { name: 'Forecast', values: model?.values ?? [], style: 'points' },
    ],
    x: { title: 'Repeat purchases before the calibration end' },
    y: { title: 'Repeat purchases after it, per customer', unit: { kind: 'number', decimals: 2 } },
    columns: [{ name: 'Customers', values: check.byFrequency.customers, unit: { kind: 'count' } }],
    locale,
  };
}

/** Customers by calibration frequency, actual as bars and the model as points. */
export function frequencyHistogramChart(check: HoldoutCheck, locale: string): ForecastChartData {
  const [actual, model] = check.frequencyHistogram.series;
  return {
    title: 'Customers by repeat purchases before the calibration end',
    labels: check.frequencyHistogram.labels,
    series: [
      { name: 'Actual', values: actual?.values ?? [], style: 'bar' },
      { name: 'Model', values: model?.values ?? [], style: 'points' },
    ],
    x: { title: 'Repeat purchases before the calibration end' },
    y: { title: 'Customers', unit: { kind: 'number', decimals: 1 } },
    locale,
  };
}
