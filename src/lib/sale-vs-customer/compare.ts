import type { ComparedResult } from '../compare';
import type { SaleVsCustomerResultName } from './explain';

/** The results set side by side when two scenarios are compared, and how their difference reads. */
export const SALE_VS_CUSTOMER_COMPARED: readonly ComparedResult<SaleVsCustomerResultName>[] = [
  { name: 'sale', label: 'One sale', difference: { kind: 'money' } },
  { name: 'clv', label: 'One customer (lifetime value)', difference: { kind: 'money' } },
  { name: 'multiple', label: 'Customer in sales', difference: { kind: 'multiple' } },
  { name: 'net', label: 'Net after the cost to win them', difference: { kind: 'money' } },
  { name: 'clvToCac', label: 'Lifetime value to acquisition cost', difference: { kind: 'multiple' } },
  { name: 'paybackMonths', label: 'Payback', difference: { kind: 'count', unit: 'months', digits: 0 } },
  {
    name: 'activeYears',
    label: 'Years as a customer',
    difference: { kind: 'count', unit: 'years', digits: 1 },
  },
];
