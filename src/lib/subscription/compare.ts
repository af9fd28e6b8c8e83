import type { ComparedResult } from '../compare';
import type { SubscriptionResultName } from './explain';

/**
 * The results set side by side when two scenarios are compared, and how their difference reads. The
 * median lifetime is counted in "periods", since the two scenarios may bill by different periods.
 */
export const SUBSCRIPTION_COMPARED: readonly ComparedResult<SubscriptionResultName>[] = [
  { name: 'clv', label: 'A new subscriber, from your cohort', difference: { kind: 'money' } },
  { name: 'clvConstantChurn', label: 'A new subscriber, at one churn rate', difference: { kind: 'money' } },
  { name: 'clvDifference', label: 'What one churn rate misses', difference: { kind: 'money' } },
  { name: 'residualValue', label: 'A current subscriber', difference: { kind: 'money' } },
  {
    name: 'medianLifetime',
    label: 'Until half the cohort has cancelled',
    difference: { kind: 'count', unit: 'periods', digits: 0 },
  },
  { name: 'clvToCac', label: 'Lifetime value to acquisition cost', difference: { kind: 'multiple' } },
  { name: 'paybackPeriods', label: 'Payback', difference: { kind: 'count', unit: 'payments', digits: 0 } },
];
