// Everything after the first file is given, loaded on first use so the page's first load stays small.
export { OrdersState } from './orders-state.svelte';
export { default as OrderSteps } from './OrderSteps.svelte';
