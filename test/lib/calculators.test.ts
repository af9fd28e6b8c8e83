import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALCULATOR_IDS, calculatorPath, embedPath, isCalculatorId } from '../../src/lib/calculator-ids';
import { CALCULATORS, CALCULATOR_ENTRIES, CALCULATOR_REGISTRY } from '../../src/lib/calculators';
import { CALCULATOR_MODELS } from '../../src/lib/calculator-models';
import { asParamValues, defaultValues } from '../../src/lib/params';

const root = new URL('../../', import.meta.url);
const source = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('the calculator registry', () => {
  it('has one entry per id, in the ids’ order, each with its own id and full-page path', () => {
    expect(CALCULATOR_ENTRIES.map((entry) => entry.id)).toEqual([...CALCULATOR_IDS]);
    for (const id of CALCULATOR_IDS) {
      expect(CALCULATOR_REGISTRY[id].id).toBe(id);
      expect(CALCULATOR_REGISTRY[id].href).toBe(`/calculators/${id}/`);
      expect(CALCULATOR_MODELS[id].path).toBe(calculatorPath(id));
      expect(embedPath(id)).toBe(`/embed/${id}/`);
    }
  });

  it('makes a full page and an embed page for every calculator, from the registry', () => {
    for (const id of CALCULATOR_IDS) {
      expect(source(`src/pages/calculators/${id}/index.astro`)).toContain(
        `<CalculatorPage calculator="${id}"`,
      );
      expect(source(`src/pages/embed/${id}.astro`)).toContain(`<EmbedPage calculator="${id}"`);
    }
  });

  it('lists every calculator as a card, then the orders page', () => {
    expect(CALCULATORS.map((card) => card.href)).toEqual([
      ...CALCULATOR_IDS.map(calculatorPath),
      '/calculators/your-orders/',
    ]);
    for (const card of CALCULATORS) {
      expect(card.title.length).toBeGreaterThan(0);
      expect(card.question).toMatch(/\?$/);
    }
  });

  it('gives every calculator the texts its pages print, with no template left in them', () => {
    for (const entry of CALCULATOR_ENTRIES) {
      const texts = [entry.pageTitle, entry.description, entry.lede, entry.embedHeading, entry.chart.heading];
      for (const text of [...texts, entry.chart.intro, entry.articleMore, entry.embedDescription]) {
        expect(text.trim()).toBe(text);
        expect(text).not.toMatch(/\{|\}|undefined| {2}/);
      }
      expect(entry.description.length).toBeGreaterThanOrEqual(50);
      expect(entry.previewBars.every((bar) => bar.value > 0 && bar.value <= 1)).toBe(true);
    }
  });

  it('is where the articles’ frontmatter takes its calculator ids from', () => {
    expect(source('src/content.config.ts')).toContain('z.enum(CALCULATOR_IDS)');
    // Nowhere else declares the list of ids.
    for (const file of [
      'src/lib/embed.ts',
      'src/lib/saved-scenarios.ts',
      'src/lib/articles/examples.ts',
      'test/tools/example.mjs',
    ])
      expect(source(file)).not.toMatch(/'sale-vs-customer',\s*'retention-vs-acquisition'/);
  });

  it('recognises only its own ids', () => {
    for (const id of CALCULATOR_IDS) expect(isCalculatorId(id)).toBe(true);
    for (const other of ['your-orders', 'Sale-vs-customer', '', 'constructor', null, 3])
      expect(isCalculatorId(other)).toBe(false);
  });
});

describe('asParamValues', () => {
  const specs = [
    { key: 'a', default: 1, min: 0, max: 10 },
    { key: 'b', default: 2, min: 0, max: 10 },
  ] as const;

  it('passes values holding every key through, typed by the specs', () => {
    const values = asParamValues(specs, { a: 3, b: 4 });
    expect(values.a + values.b).toBe(7);
    expect(defaultValues(specs)).toEqual({ a: 1, b: 2 });
  });

  it('refuses values that lack a key, rather than giving a model undefined', () => {
    expect(() => asParamValues(specs, { a: 3 })).toThrow(/no value for b/);
  });
});
