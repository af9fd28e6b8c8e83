import { defaultValues, parseUrlNumber } from '../params';
import { encodeQuery } from '../url-codec';
import { SALE_VS_CUSTOMER_PARAMS } from '../sale-vs-customer/params';
import { computeSaleVsCustomer, type SaleVsCustomerInputs } from '../sale-vs-customer/model';
import { RETENTION_PARAMS } from '../retention-vs-acquisition/params';
import { computeRetention, type RetentionInputs } from '../retention-vs-acquisition/model';
import type { NumberParamSpec } from '../params';

export type CalculatorId = 'sale-vs-customer' | 'retention-vs-acquisition';

/** A worked example as an article's frontmatter declares it. */
export interface ArticleExample {
  readonly id: string;
  readonly calculator: CalculatorId;
  readonly inputs: Readonly<Record<string, number>>;
  readonly quotes: readonly ArticleQuote[];
}

/** A figure an article prints, taken from a model result. */
export interface ArticleQuote {
  readonly result: string;
  readonly value: number;
  readonly style: 'money' | 'number' | 'percent';
  readonly digits: number;
}

const CALCULATORS = {
  'sale-vs-customer': {
    path: '/calculators/sale-vs-customer/',
    params: SALE_VS_CUSTOMER_PARAMS as readonly NumberParamSpec[],
    compute: (values: Record<string, number>) =>
      computeSaleVsCustomer(values as unknown as SaleVsCustomerInputs) as unknown as Record<string, unknown>,
  },
  'retention-vs-acquisition': {
    path: '/calculators/retention-vs-acquisition/',
    params: RETENTION_PARAMS as readonly NumberParamSpec[],
    compute: (values: Record<string, number>) =>
      computeRetention(values as unknown as RetentionInputs) as unknown as Record<string, unknown>,
  },
} as const;

/** The example's full inputs: the calculator's defaults with the example's own values on top. */
export function exampleInputs(example: ArticleExample): Record<string, number> {
  const { params } = CALCULATORS[example.calculator];
  return { ...defaultValues(params), ...example.inputs };
}

/** Problems with an example's inputs: unknown keys or values the calculator would refuse. */
export function exampleInputProblems(example: ArticleExample): string[] {
  const { params } = CALCULATORS[example.calculator];
  const resolved = exampleInputs(example);
  const problems: string[] = [];
  for (const key of Object.keys(example.inputs)) {
    const spec = params.find((p) => p.key === key);
    if (!spec) problems.push(`${key} is not an input of ${example.calculator}`);
    else if (!parseUrlNumber(String(resolved[key]), spec, resolved).ok)
      problems.push(`${key} is out of range`);
  }
  return problems;
}

/** The link that opens the example's calculator with its figures, in US dollars as the article prints them. */
export function exampleLink(example: ArticleExample): string {
  const { path, params } = CALCULATORS[example.calculator];
  return `${path}?${encodeQuery(params, exampleInputs(example), 'USD')}`;
}

/** A model result for the example, or undefined when the result does not exist or is undefined. */
export function exampleResult(example: ArticleExample, result: string): number | undefined {
  const value = CALCULATORS[example.calculator].compute(exampleInputs(example))[result];
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
