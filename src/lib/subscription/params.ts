import type { NumberParamSpec } from '../params';
import type { BillingPeriod } from './model';

/**
 * The Subscriber value calculator's numeric inputs as the spec (models.md §3) defines them. `period`
 * (month or year) and `survival` (comma-separated counts) are not numbers: their codecs are
 * {@link parsePeriodParam} and survival-input.ts. `churn` is absent from a link that carries `survival`
 * when the single rate is to come from the data; its default 8 is then not used (see the model).
 */
export const SUBSCRIPTION_PARAMS = [
  { key: 'price', default: 30, min: 0, max: 1e9, minExclusive: true },
  { key: 'margin', default: 70, min: 0, max: 100 },
  { key: 'churn', default: 8, min: 0, max: 100 },
  { key: 'discount', default: 10, min: 0, max: 100 },
  { key: 'years', default: 10, min: 1, max: 50, integer: true },
  { key: 'cac', default: 200, min: 0, max: 1e9 },
  { key: 'tenure', default: 1, min: 1, max: 600, integer: true },
] as const satisfies readonly NumberParamSpec[];

export type SubscriptionKey = (typeof SUBSCRIPTION_PARAMS)[number]['key'];

export const PERIOD_KEY = 'period';
export const SURVIVAL_KEY = 'survival';
export const DEFAULT_PERIOD: BillingPeriod = 'month';

/**
 * The URL's `period`: exactly `month` or `year` (lower case, as the spec writes them); anything else is null
 * and the page says it ignored the key.
 */
export function parsePeriodParam(value: string): BillingPeriod | null {
  return value === 'month' || value === 'year' ? value : null;
}
