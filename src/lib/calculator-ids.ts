// The calculators' ids, declared once: the registry (calculators.ts), the pages, the embeds, the articles'
// frontmatter, saved scenarios and the tests all take them from here. Kept apart from the registry so code
// that runs in the browser (saved scenarios, the embed dialog) can check an id without shipping its texts.

/** Every calculator with a full page at /calculators/<id>/ and an embed at /embed/<id>/. */
export const CALCULATOR_IDS = ['sale-vs-customer', 'retention-vs-acquisition', 'subscription'] as const;

export type CalculatorId = (typeof CALCULATOR_IDS)[number];

const IDS: ReadonlySet<string> = new Set(CALCULATOR_IDS);

/** True for one of the site's calculator ids. */
export function isCalculatorId(value: unknown): value is CalculatorId {
  return typeof value === 'string' && IDS.has(value);
}

/** The path of a calculator's full page. */
export function calculatorPath(id: CalculatorId): string {
  return `/calculators/${id}/`;
}

/** The path of a calculator's embed page. */
export function embedPath(id: CalculatorId): string {
  return `/embed/${id}/`;
}
