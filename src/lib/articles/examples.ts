import { defaultValues, parseUrlNumber } from '../params';
import { CALCULATOR_IDS, type CalculatorId } from '../calculator-ids';
import { CALCULATOR_MODELS, subscriptionInputsOf, type ResolvedInputs } from '../calculator-models';
import type { SubscriptionInputs } from '../subscription/model';

/** The calculators an article can quote, by the id its frontmatter uses (the registry's ids). */
export { CALCULATOR_IDS, type CalculatorId };

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

/** The example's inputs: the calculator's defaults (numbers and texts) with the example's own on top. */
function resolve(example: ArticleExample): ResolvedInputs {
  const { params, texts } = CALCULATOR_MODELS[example.calculator];
  const numbers: Record<string, number> = defaultValues(params);
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
  const { params, texts } = CALCULATOR_MODELS[example.calculator];
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
  const { path, query } = CALCULATOR_MODELS[example.calculator];
  return `${path}?${query(resolve(example))}`;
}

/** Every result the model gives for the example, by the names the page and the articles use. */
export function exampleResults(example: ArticleExample): Record<string, unknown> {
  return CALCULATOR_MODELS[example.calculator].compute(resolve(example));
}

/** A model result for the example, or undefined when the result does not exist or is undefined. */
export function exampleResult(example: ArticleExample, result: string): number | undefined {
  const value = exampleResults(example)[result];
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
