import { CalculatorStore } from '../calculator/calculator-store.svelte';
import type { CalculatorState } from '../calculator/calculator-state.svelte';
import { SUBSCRIPTION_PARAMS, parsePeriodParam, DEFAULT_PERIOD } from '../../lib/subscription/params';
import { asParamValues } from '../../lib/params';
import { SUBSCRIPTION_TEXT_SPECS } from '../../lib/subscription/text-inputs';
import { parseSurvivalParam } from '../../lib/subscription/survival-input';
import {
  computeSubscription,
  type SubscriptionInputs,
  type SubscriptionResults,
} from '../../lib/subscription/model';

/** Several cohorts read from a pasted table or a file: they stay in this browser and out of the link. */
export interface LoadedCohorts {
  /** Where they came from, for the page to say: "the pasted table", "subscriptions.csv". */
  readonly source: string;
  readonly cohorts: readonly (readonly number[])[];
}

/** The table or file in use, shared by both scenarios (they differ in prices and costs, not in who stayed). */
export const loadedCohorts = $state<{ current: LoadedCohorts | null }>({ current: null });

/** The single rate comes from the counts when the link carries them but no `churn`, or the person chose so. */
export const CHURN_KEY = 'churn';

function inputsOf(state: CalculatorState): SubscriptionInputs {
  const values = asParamValues(SUBSCRIPTION_PARAMS, state.effective);
  const series = parseSurvivalParam(state.texts['survival'] ?? '');
  const cohorts = loadedCohorts.current?.cohorts ?? (series.ok ? [series.series] : []);
  return {
    price: values.price,
    margin: values.margin,
    churn: cohorts.length > 0 && state.omitted.includes(CHURN_KEY) ? null : values.churn,
    discount: values.discount,
    years: values.years,
    cac: values.cac,
    tenure: values.tenure,
    period: parsePeriodParam(state.texts['period'] ?? '') ?? DEFAULT_PERIOD,
    cohorts,
  };
}

class SubscriptionStore extends CalculatorStore<SubscriptionInputs, SubscriptionResults> {
  constructor() {
    super(SUBSCRIPTION_PARAMS, computeSubscription, { textSpecs: SUBSCRIPTION_TEXT_SPECS, inputsOf });
  }

  /** As for any calculator; then a link with counts and no churn rate takes the single rate from the counts. */
  override load(search: string, locale: string) {
    super.load(search, locale);
    const params = new URLSearchParams(search);
    this.calc.omitted = params.has('survival') && !params.has(CHURN_KEY) ? [CHURN_KEY] : [];
    this.b.omitted =
      (params.has('survival') || params.has('b.survival')) &&
      !params.has(`b.${CHURN_KEY}`) &&
      !params.has(CHURN_KEY)
        ? [CHURN_KEY]
        : [];
  }

  /** Whether the single rate compared is the one that meets the counts' last point (not a typed rate). */
  churnFromData(state: CalculatorState): boolean {
    return state.omitted.includes(CHURN_KEY);
  }

  setChurnFromData(state: CalculatorState, fromData: boolean) {
    state.edited = true;
    state.omitted = fromData ? [CHURN_KEY] : [];
  }
}

/** One store per page: the islands hydrate separately but share this module. */
export const subscription = new SubscriptionStore();
