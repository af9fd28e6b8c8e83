import type { FieldCopy } from '../fields';
import type { NumberParamSpec } from '../params';
import { formatUrlNumber } from '../url-codec';
import type { CohortPeriod, RetentionMeasure } from './history/history';
import { formatNumber, formatPercent } from '../format';
import { parseDay, formatDay } from './import/dates';

/** The your-orders page's settings that live in the URL (the orders themselves never do). */
export const ORDER_SETTINGS_PARAMS = [
  { key: 'horizon', default: 3, min: 1, max: 10, integer: true },
  { key: 'discount', default: 10, min: 0, max: 100 },
  { key: 'margin', default: 40, min: 0, max: 100 },
] as const satisfies readonly NumberParamSpec[];

/** The words of the settings' number fields, shown by the calculators' NumberField. */
export const ORDER_SETTINGS_FIELDS = {
  horizon: {
    key: 'horizon',
    label: 'Horizon (years)',
    unit: { kind: 'plain', suffix: 'years after the calibration end' },
    help: 'How far ahead the forecast looks, in whole years.',
    step: 1,
  },
  discount: {
    key: 'discount',
    label: 'Discount rate (% per year)',
    unit: { kind: 'percent', suffix: '% per year' },
    help: 'What money a year from now is worth less than money today.',
    step: 1,
  },
  margin: {
    key: 'margin',
    label: 'Gross margin (% of order value)',
    unit: { kind: 'percent', suffix: '%' },
    help: 'The share of an order’s amount you keep after the cost of the goods.',
    step: 1,
  },
} as const satisfies Readonly<Record<string, FieldCopy>>;

/** What the calibration-end box holds: a day to use, or why the text is not one. */
export type CalibrationCheck =
  { readonly ok: true; readonly day: number } | { readonly ok: false; readonly message: string };

/**
 * Checks a calibration end typed (or picked) as YYYY-MM-DD: it must be a real day, on or after the first
 * order, since the models need at least one customer by then.
 * @example checkCalibrationEnd('2024-06-30', 19000).ok // true
 */
export function checkCalibrationEnd(text: string, firstDay: number): CalibrationCheck {
  if (text.trim() === '') return { ok: false, message: 'Enter a date, such as the last order day.' };
  const day = parseDay(text.trim(), 'YYYY-MM-DD');
  if (day === null) return { ok: false, message: 'Enter a real date, written YYYY-MM-DD.' };
  if (day < firstDay)
    return { ok: false, message: `Enter a date on or after the first order, ${formatDay(firstDay)}.` };
  return { ok: true, day };
}

/**
 * The settings as a query string: the number keys always, the calibration end only when the person chose
 * one (otherwise it follows the file's last order day), the cohort period only when not the default.
 * @example settingsQuery({ horizon: 3, discount: 10, margin: 40 }, null, 'month') // 'horizon=3&discount=10&margin=40'
 */
export function settingsQuery(
  values: Readonly<Record<string, number>>,
  calibrationEnd: number | null,
  cohortPeriod: CohortPeriod,
): string {
  const params = new URLSearchParams();
  for (const spec of ORDER_SETTINGS_PARAMS)
    params.set(spec.key, formatUrlNumber(values[spec.key] ?? spec.default));
  if (calibrationEnd !== null) params.set('calibrationEnd', formatDay(calibrationEnd));
  if (cohortPeriod === 'quarter') params.set('cohorts', 'quarter');
  return params.toString();
}

/** The calibration end as a day number from `calibrationEnd=YYYY-MM-DD`, or null when absent or malformed. */
export function readCalibrationEnd(params: URLSearchParams): { day: number | null; malformed: boolean } {
  const text = params.get('calibrationEnd');
  if (text === null || text === '') return { day: null, malformed: false };
  const day = parseDay(text, 'YYYY-MM-DD');
  return { day, malformed: day === null };
}

/** `calibrationEnd=YYYY-MM-DD` for a day number. */
export function writeCalibrationEnd(day: number): string {
  return `calibrationEnd=${formatDay(day)}`;
}

/** Links that open the calculators with the measured numbers: aggregates only, never an order. */
export function calculatorLinks(figures: {
  averageOrderValue: number;
  ordersPerCustomerPerYear: number;
  retentionPercent: number | null;
  /**
   * New customers' repeat rate, which Sale vs Customer's retention asks for; null when it cannot be
   * measured (then Sale vs Customer keeps its own default); absent: the whole base's retention is sent.
   */
  newCustomerRetentionPercent?: number | null;
  expectedActive: number | null;
  customers: number;
  margin: number;
  discount: number;
  horizonYears: number;
}): { saleVsCustomer: string; retention: string } {
  const round = (x: number, digits = 2) => Number(x.toFixed(digits));
  const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
  const sale = new URLSearchParams({
    aov: String(round(clamp(figures.averageOrderValue, 0.01, 1e9))),
    margin: String(round(figures.margin, 1)),
    freq: String(round(clamp(figures.ordersPerCustomerPerYear, 0.01, 365))),
    discount: String(round(figures.discount, 1)),
    years: String(clamp(Math.round(figures.horizonYears), 1, 50)),
  });
  const saleRetention =
    figures.newCustomerRetentionPercent === undefined
      ? figures.retentionPercent
      : figures.newCustomerRetentionPercent;
  if (saleRetention !== null) sale.set('retention', String(round(saleRetention, 1)));
  const yearlyMargin = figures.averageOrderValue * figures.ordersPerCustomerPerYear * (figures.margin / 100);
  const retention = new URLSearchParams({
    customers: String(Math.max(1, Math.round(figures.expectedActive ?? figures.customers))),
    yearlyMargin: String(round(clamp(yearlyMargin, 0, 1e9))),
    years: String(clamp(Math.round(figures.horizonYears), 1, 50)),
  });
  if (figures.retentionPercent !== null) {
    const churn = round(100 - figures.retentionPercent, 1);
    retention.set('churn', String(churn));
    retention.set('churnWithProgram', String(round(Math.min(churn, Math.max(0, churn - 5)), 1)));
  }
  return {
    saleVsCustomer: `/calculators/sale-vs-customer/?${sale}`,
    retention: `/calculators/retention-vs-acquisition/?${retention}`,
  };
}

/**
 * Which retention figure the Sale vs Customer link carries, in words: new customers' repeat rate, as that
 * calculator's help asks, not the whole base's (long-standing regulars raise that one).
 * @example saleRetentionNote({ value: null, reason: 'no new customers in the earlier year' }, 'en-US')
 *   // 'Sale vs Customer keeps its own retention figure: new customers’ repeat rate cannot be measured (no new customers in the earlier year).'
 */
export function saleRetentionNote(measure: RetentionMeasure | undefined, locale: string): string {
  if (measure === undefined)
    return 'Sale vs Customer gets the annual retention above: this file has no order dates to measure new customers’ repeat rate from.';
  if (measure.value === null)
    return `Sale vs Customer keeps its own retention figure: new customers’ repeat rate cannot be measured (${measure.reason}).`;
  const count = (x: number) => formatNumber(x, locale, 0);
  return `Sale vs Customer gets new customers’ repeat rate, ${formatPercent(100 * measure.value, locale, 1)}: of the ${count(measure.activeInEarlier)} customers whose first order was from ${formatDay(measure.earlier.start)} to ${formatDay(measure.earlier.end)}, ${count(measure.activeInBoth)} ordered again from ${formatDay(measure.later.start)} to ${formatDay(measure.later.end)}. Retention vs Acquisition gets the whole base’s annual retention.`;
}
