import { CalculatorState } from '../calculator/calculator-state.svelte';
import { SALE_VS_CUSTOMER_PARAMS, type SaleVsCustomerKey } from '../../lib/sale-vs-customer/params';
import { SALE_VS_CUSTOMER_FIELDS } from '../../lib/sale-vs-customer/fields';
import { computeSaleVsCustomer, type SaleVsCustomerInputs } from '../../lib/sale-vs-customer/model';

/** The Sale vs Customer state both of the page's islands read: the form and results, and the chart. */
class SaleVsCustomerStore {
  readonly calc = new CalculatorState(SALE_VS_CUSTOMER_PARAMS);
  readonly inputs: SaleVsCustomerInputs = $derived(this.calc.values as unknown as SaleVsCustomerInputs);
  readonly results = $derived(computeSaleVsCustomer(this.inputs));
}

/** One store per page: the islands hydrate separately but share this module. */
export const saleVsCustomer = new SaleVsCustomerStore();

/** A field's label by its URL key, for messages that name a field. */
export function saleVsCustomerLabel(key: string): string {
  return key in SALE_VS_CUSTOMER_FIELDS ? SALE_VS_CUSTOMER_FIELDS[key as SaleVsCustomerKey].label : key;
}
