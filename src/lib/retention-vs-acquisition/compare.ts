import type { ComparedResult } from '../compare';
import type { RetentionResultName } from './explain';

/** The results set side by side when two scenarios are compared, and how their difference reads. */
export const RETENTION_COMPARED: readonly ComparedResult<RetentionResultName>[] = [
  { name: 'costToKeepOne', label: 'Keeping one customer', difference: { kind: 'money' } },
  { name: 'keepVsWinPercent', label: 'Keeping as a share of winning', difference: { kind: 'points' } },
  { name: 'replaceCostPerYear', label: 'Yearly bill, replacing', difference: { kind: 'money' } },
  { name: 'retainCostPerYear', label: 'Yearly bill, with the programme', difference: { kind: 'money' } },
  { name: 'savingsPerYear', label: 'Saved each year', difference: { kind: 'money' } },
  { name: 'savingsTotal', label: 'Saved over the horizon', difference: { kind: 'money' } },
  {
    name: 'profitPerYearWithProgram',
    label: 'Profit a year, with the programme',
    difference: { kind: 'money' },
  },
  {
    name: 'remainingWithProgram',
    label: 'Still buying at the end, with',
    difference: { kind: 'count', unit: 'customers', digits: 0 },
  },
];
