import { defaultValues, parseUrlNumber } from '../params';
import { encodeQuery } from '../url-codec';
import { SALE_VS_CUSTOMER_PARAMS } from '../sale-vs-customer/params';
import { computeSaleVsCustomer, type SaleVsCustomerInputs } from '../sale-vs-customer/model';
import { RETENTION_PARAMS } from '../retention-vs-acquisition/params';
import { computeRetention, type RetentionInputs } from '../retention-vs-acquisition/model';
import {
  DEFAULT_PERIOD,
  PERIOD_KEY,
  SUBSCRIPTION_PARAMS,
  SURVIVAL_KEY,
  parsePeriodParam,
} from '../subscription/params';
import { computeSubscription, type SubscriptionInputs } from '../subscription/model';
import { describeSurvivalProblem, encodeSurvival, parseSurvivalParam } from '../subscription/survival-input';
import type { NumberParamSpec } from '../params';

/** The calculators an article can quote, by the id its frontmatter uses (and its path's last part). */
export const CALCULATOR_IDS = ['sale-vs-customer', 'retention-vs-acquisition', 'subscription'] as const;

export type CalculatorId = (typeof CALCULATOR_IDS)[number];

/** An input as the frontmatter gives it: a number, or text for the inputs that are not numbers. */
export type ExampleInput = number | string;

/** A worked example as an article's frontmatter declares it. */
export interface ArticleExample {
  readonly id: string;
  readonly calculator: CalculatorId;
  /** By URL key: numbers, and for the subscription calculator `period` and `survival` as the link writes them. */
  readonly inputs: Readonly<Record<string, ExampleInput>>;
  readonly quotes: readonly ArticleQuote[];
}

/** A figure an article prints, taken from a model result. */
export interface ArticleQuote {
  readonly result: string;
  readonly value: number;
  readonly style: 'money' | 'number' | 'percent';
  readonly digits: number;
}

/** An example's inputs made whole: numbers with the defaults filled in, the text inputs, the keys it gave. */
interface ResolvedInputs {
  readonly numbers: Readonly<Record<string, number>>;
  readonly texts: Readonly<Record<string, string>>;
  readonly given: ReadonlySet<string>;
}

/** An input that is not a number: its default (undefined: "not given") and its check, a problem in words. */
interface TextInput {
  readonly default: string | undefined;
  readonly problem: (value: string) => string | undefined;
}

interface Calculator {
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
function subscriptionInputsOf(inputs: ResolvedInputs): SubscriptionInputs {
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
function numericCalculator(
  path: string,
  params: readonly NumberParamSpec[],
  compute: (values: Record<string, number>) => object,
): Calculator {
  return {
    path,
    params,
    texts: {},
    compute: (inputs) => compute({ ...inputs.numbers }) as Record<string, unknown>,
    query: (inputs) => encodeQuery(params, inputs.numbers, 'USD'),
  };
}

const CALCULATORS: Record<CalculatorId, Calculator> = {
  'sale-vs-customer': numericCalculator('/calculators/sale-vs-customer/', SALE_VS_CUSTOMER_PARAMS, (values) =>
    computeSaleVsCustomer(values as unknown as SaleVsCustomerInputs),
  ),
  'retention-vs-acquisition': numericCalculator(
    '/calculators/retention-vs-acquisition/',
    RETENTION_PARAMS,
    (values) => computeRetention(values as unknown as RetentionInputs),
  ),
  subscription: {
    path: '/calculators/subscription/',
    params: SUBSCRIPTION_PARAMS,
    texts: SUBSCRIPTION_TEXTS,
    compute: subscriptionResults,
    query: subscriptionQuery,
  },
};

/** The example's inputs: the calculator's defaults (numbers and texts) with the example's own on top. */
function resolve(example: ArticleExample): ResolvedInputs {
  const { params, texts } = CALCULATORS[example.calculator];
  const numbers = defaultValues(params);
  const textValues: Record<string, string> = {};
  for (const [key, input] of Object.entries(texts))
    if (input.default !== undefined) textValues[key] = input.default;
  for (const [key, value] of Object.entries(example.inputs)) {
    if (typeof value === 'number') numbers[key] = value;
    else textValues[key] = value;
  }
  return { numbers, texts: textValues, given: new Set(Object.keys(example.inputs)) };
}

/** The example's full inputs: the calculator's defaults with the example's own values on top. */
export function exampleInputs(example: ArticleExample): Record<string, ExampleInput> {
  const { numbers, texts } = resolve(example);
  return { ...numbers, ...texts };
}

/** What the subscription model is given for an example (throws for an example of another calculator). */
export function exampleSubscriptionInputs(example: ArticleExample): SubscriptionInputs {
  if (example.calculator !== 'subscription')
    throw new TypeError(`${example.id} is not a subscription example`);
  return subscriptionInputsOf(resolve(example));
}

/**
 * Problems with an example's inputs: unknown keys, text where a number belongs (or the reverse), and values
 * the calculator would refuse in its link.
 */
export function exampleInputProblems(example: ArticleExample): string[] {
  const { params, texts } = CALCULATORS[example.calculator];
  const resolved = resolve(example);
  const problems: string[] = [];
  for (const [key, value] of Object.entries(example.inputs)) {
    const spec = params.find((p) => p.key === key);
    const text = texts[key];
    if (spec) {
      if (typeof value !== 'number') problems.push(`${key} must be a number`);
      else if (!parseUrlNumber(String(value), spec, resolved.numbers).ok)
        problems.push(`${key} is out of range`);
    } else if (text) {
      if (typeof value !== 'string') problems.push(`${key} must be text, as the link writes it`);
      else {
        const problem = text.problem(value);
        if (problem) problems.push(problem);
      }
    } else problems.push(`${key} is not an input of ${example.calculator}`);
  }
  return problems;
}

/** The link that opens the example's calculator with its figures, in US dollars as the article prints them. */
export function exampleLink(example: ArticleExample): string {
  const { path, query } = CALCULATORS[example.calculator];
  return `${path}?${query(resolve(example))}`;
}

/** A model result for the example, or undefined when the result does not exist or is undefined. */
export function exampleResult(example: ArticleExample, result: string): number | undefined {
  const calculator = CALCULATORS[example.calculator];
  const value = calculator.compute(resolve(example))[result];
  return typeof value === 'number' ? value : undefined;
}

/**
 * How the article prints a quote: en-US, US dollars, with the quote's decimal places, the prose's "40 %"
 * spacing, and a true minus sign (−$2,400) as the articles write negative amounts.
 */
export function formatQuote(quote: Pick<ArticleQuote, 'value' | 'style' | 'digits'>): string {
  const digits = { minimumFractionDigits: quote.digits, maximumFractionDigits: quote.digits };
  const text =
    quote.style === 'money'
      ? new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', ...digits }).format(quote.value)
      : new Intl.NumberFormat('en-US', digits).format(quote.value);
  const signed = text.replace(/^-/, '−');
  return quote.style === 'percent' ? `${signed} %` : signed;
}
