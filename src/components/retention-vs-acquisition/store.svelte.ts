import { numericStore, type CalculatorStore } from '../calculator/calculator-store.svelte';
import { labelLookup } from '../../lib/fields';
import { RETENTION_PARAMS } from '../../lib/retention-vs-acquisition/params';
import { RETENTION_FIELDS } from '../../lib/retention-vs-acquisition/fields';
import {
  computeRetention,
  type RetentionInputs,
  type RetentionResults,
} from '../../lib/retention-vs-acquisition/model';

/** One store per page: the form and results, the claims panel and the chart share it. */
export const retention: CalculatorStore<RetentionInputs, RetentionResults> = numericStore(
  RETENTION_PARAMS,
  computeRetention,
);

/** A field's label by its URL key, for messages that name a field. */
export const retentionLabel = labelLookup(RETENTION_FIELDS);
