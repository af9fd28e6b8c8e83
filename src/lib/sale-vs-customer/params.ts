import type { NumberParamSpec } from '../params';

/**
 * The Sale vs Customer calculator's inputs as the spec (models.md §1) defines them: URL key, default and the
 * allowed range. Percentages are percent numbers (margin 40 means 40 %); money is in the chosen currency.
 */
export const SALE_VS_CUSTOMER_PARAMS = [
  { key: 'aov', default: 60, min: 0, max: 1e9, minExclusive: true },
  { key: 'margin', default: 40, min: 0, max: 100 },
  { key: 'freq', default: 4, min: 0, max: 365, minExclusive: true },
  { key: 'retention', default: 60, min: 0, max: 100 },
  { key: 'discount', default: 10, min: 0, max: 100 },
  { key: 'years', default: 10, min: 1, max: 50, integer: true },
  { key: 'cac', default: 50, min: 0, max: 1e9 },
  { key: 'referrals', default: 0, min: 0, max: 10 },
] as const satisfies readonly NumberParamSpec[];

export type SaleVsCustomerKey = (typeof SALE_VS_CUSTOMER_PARAMS)[number]['key'];
