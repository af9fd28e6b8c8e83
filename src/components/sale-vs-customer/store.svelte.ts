import { numericStore, type CalculatorStore } from '../calculator/calculator-store.svelte';
import { SALE_VS_CUSTOMER_PARAMS } from '../../lib/sale-vs-customer/params';
import { labelLookup } from '../../lib/fields';
import { SALE_VS_CUSTOMER_FIELDS } from '../../lib/sale-vs-customer/fields';
import {
  computeSaleVsCustomer,
  type SaleVsCustomerInputs,
  type SaleVsCustomerResults,
} from '../../lib/sale-vs-customer/model';

/** One store per page: the islands hydrate separately but share this module. */
export const saleVsCustomer: CalculatorStore<SaleVsCustomerInputs, SaleVsCustomerResults> = numericStore(
  SALE_VS_CUSTOMER_PARAMS,
  computeSaleVsCustomer,
);

/** A field's label by its URL key, for messages that name a field. */
export const saleVsCustomerLabel = labelLookup(SALE_VS_CUSTOMER_FIELDS);
