// The models' side of the calculator registry (calculators.ts holds the texts): each calculator's URL
// parameters, its text inputs, how a set of inputs gives the model's results by the names the page shows
// (`data-result`), and the link that opens the page with them. Articles' worked examples, the `example` tool
// and the tests read every calculator through it.
import { asParamValues, type NumberParamSpec } from './params';
import { encodeQuery } from './url-codec';
import { calculatorPath, type CalculatorId } from './calculator-ids';
import { SALE_VS_CUSTOMER_PARAMS } from './sale-vs-customer/params';
import { computeSaleVsCustomer } from './sale-vs-customer/model';
import { RETENTION_PARAMS } from './retention-vs-acquisition/params';
import { computeRetention } from './retention-vs-acquisition/model';
import {
  DEFAULT_PERIOD,
  PERIOD_KEY,
  SUBSCRIPTION_PARAMS,
  SURVIVAL_KEY,
  parsePeriodParam,
} from './subscription/params';
import { computeSubscription, type SubscriptionInputs } from './subscription/model';
import { describeSurvivalProblem, encodeSurvival, parseSurvivalParam } from './subscription/survival-input';

/** An example's inputs made whole: numbers with the defaults filled in, the text inputs, the keys it gave. */
export interface ResolvedInputs {
  readonly numbers: Readonly<Record<string, number>>;
  readonly texts: Readonly<Record<string, string>>;
  readonly given: ReadonlySet<string>;
}

/** An input that is not a number: its default (undefined: "not given") and its check, a problem in words. */
export interface TextInput {
  readonly default: string | undefined;
  readonly problem: (value: string) => string | undefined;
}

export interface CalculatorModel {
  readonly path: string;
  readonly params: readonly NumberParamSpec[];
  readonly texts: Readonly<Record<string, TextInput>>;
  readonly compute: (inputs: ResolvedInputs) => Record<string, unknown>;
  /** The query string the calculator's page reads these inputs from, in US dollars. */
  readonly query: (inputs: ResolvedInputs) => string;
}

const SUBSCRIPTION_TEXTS: Record<string, TextInput> = {
  [PERIOD_KEY]: {
    default: DEFAULT_PERIOD,
    problem: (value) => (parsePeriodParam(value) ? undefined : `${PERIOD_KEY} must be month or year`),
  },
  [SURVIVAL_KEY]: {
    default: undefined,
    problem: (value) => {
      const checked = parseSurvivalParam(value);
      return checked.ok ? undefined : `${SURVIVAL_KEY}: ${describeSurvivalProblem(checked.problem)}`;
    },
  },
};

/** The example's cohort counts, when it gives valid ones. */
function survivalOf(inputs: ResolvedInputs): number[] | undefined {
  const text = inputs.texts[SURVIVAL_KEY];
  if (text === undefined) return undefined;
  const checked = parseSurvivalParam(text);
  return checked.ok ? checked.series : undefined;
}

/** As the spec says: with counts and no churn rate of its own, the single rate comes from the counts. */
function churnFromData(inputs: ResolvedInputs): boolean {
  return survivalOf(inputs) !== undefined && !inputs.given.has('churn');
}

/** The model's inputs: one cohort from `survival`, the period, and churn null when it comes from the counts. */
export function subscriptionInputsOf(inputs: ResolvedInputs): SubscriptionInputs {
  const { numbers } = inputs;
  const series = survivalOf(inputs);
  return {
    price: numbers['price']!,
    margin: numbers['margin']!,
    period: parsePeriodParam(inputs.texts[PERIOD_KEY] ?? '') ?? DEFAULT_PERIOD,
    churn: churnFromData(inputs) ? null : numbers['churn']!,
    cohorts: series ? [series] : [],
    discount: numbers['discount']!,
    years: numbers['years']!,
    cac: numbers['cac']!,
    tenure: numbers['tenure']!,
  };
}

/**
 * The subscription model's results an article can quote: the top-level numbers, the fit's α, β and
 * log-likelihood under the names the page gives them, and the single churn rate as a percentage.
 */
function subscriptionResults(inputs: ResolvedInputs): Record<string, unknown> {
  const results = computeSubscription(subscriptionInputsOf(inputs));
  return {
    ...results,
    sbgAlpha: results.fit?.alpha,
    sbgBeta: results.fit?.beta,
    sbgLogLikelihood: results.fit?.logLikelihood,
    churnPercent: results.churnRate * 100,
  };
}

/** The subscription page's link: numeric keys (churn left out when it comes from the counts), then the texts. */
function subscriptionQuery(inputs: ResolvedInputs): string {
  const fromData = churnFromData(inputs);
  const specs = SUBSCRIPTION_PARAMS.filter((spec) => !(fromData && spec.key === 'churn'));
  const parts = [encodeQuery(specs, inputs.numbers, 'USD')];
  parts.push(`${PERIOD_KEY}=${encodeURIComponent(inputs.texts[PERIOD_KEY] ?? DEFAULT_PERIOD)}`);
  const text = inputs.texts[SURVIVAL_KEY];
  if (text !== undefined) {
    // Counts and commas only, so the commas stay readable: survival=1000,631,468
    const series = survivalOf(inputs);
    const value = series ? encodeSurvival(series) : encodeURIComponent(text).replace(/%2C/g, ',');
    parts.push(`${SURVIVAL_KEY}=${value}`);
  }
  return parts.join('&');
}

/** A calculator whose inputs are all numbers: the model reads them as they are. */
function numericCalculator<const Specs extends readonly NumberParamSpec[]>(
  id: CalculatorId,
  params: Specs,
  compute: (values: { [Key in Specs[number]['key']]: number }) => object,
): CalculatorModel {
  return {
    path: calculatorPath(id),
    params,
    texts: {},
    compute: (inputs) => ({ ...compute(asParamValues(params, { ...inputs.numbers })) }),
    query: (inputs) => encodeQuery(params, inputs.numbers, 'USD'),
  };
}

/** Every calculator's model, by id: the compiler insists on one for each id in calculator-ids.ts. */
export const CALCULATOR_MODELS: { readonly [Id in CalculatorId]: CalculatorModel } = {
  'sale-vs-customer': numericCalculator('sale-vs-customer', SALE_VS_CUSTOMER_PARAMS, computeSaleVsCustomer),
  'retention-vs-acquisition': numericCalculator(
    'retention-vs-acquisition',
    RETENTION_PARAMS,
    computeRetention,
  ),
  subscription: {
    path: calculatorPath('subscription'),
    params: SUBSCRIPTION_PARAMS,
    texts: SUBSCRIPTION_TEXTS,
    compute: subscriptionResults,
    query: subscriptionQuery,
  },
};
