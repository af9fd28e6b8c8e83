import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  exampleInputProblems,
  exampleResult,
  formatQuote,
  type ArticleExample,
} from '../../../src/lib/articles/examples';
import { proseWords, readingMinutes } from '../../../src/lib/articles/reading';
import { sampleFigures } from './sample-orders';

// Reads the article files themselves, so every figure an article prints is checked against the model.
const dir = new URL('../../../src/content/articles/', import.meta.url).pathname;
const files = readdirSync(dir).filter((name) => name.endsWith('.mdx'));

interface Frontmatter {
  title: string;
  order: number;
  readingMinutes: number;
  examples: ArticleExample[];
  sources: { author: string; title: string; publication: string; year: number }[];
  related: string[];
  calculators: string[];
  sampleFigures?: { figure: string; value: number; style: 'money' | 'number' | 'percent'; digits: number }[];
}

function read(name: string): { frontmatter: Frontmatter; body: string } {
  const text = readFileSync(join(dir, name), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${name} has no frontmatter`);
  return { frontmatter: parse(match[1] ?? '') as Frontmatter, body: match[2] ?? '' };
}

const slugs = files.map((name) => name.replace(/\.mdx$/, ''));

// The articles for owners, which must be long enough to walk through a whole worked example.
const OWNERS_ARTICLES = ['find-your-own-numbers', 'not-every-customer-is-worth-keeping'];

describe('the articles', () => {
  it('are ten, in a reading order with no gaps', () => {
    expect(files.length).toBe(10);
    const orders = files.map((name) => read(name).frontmatter.order).sort((a, b) => a - b);
    expect(orders).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('teach lifetime value second, before the articles that use discounting and CLV:CAC', () => {
    const order = (slug: string) => read(`${slug}.mdx`).frontmatter.order;
    expect(order('a-sale-or-a-customer')).toBe(1);
    expect(order('how-customer-lifetime-value-is-calculated')).toBe(2);
  });
});

const figuresOfSample = sampleFigures();

describe('printed figures', () => {
  it('write negative money with a true minus sign and percentages with the prose’s space', () => {
    expect(formatQuote({ value: -2400, style: 'money', digits: 0 })).toBe('−$2,400');
    expect(formatQuote({ value: 41.9, style: 'percent', digits: 1 })).toBe('41.9 %');
  });
});

for (const name of files) {
  const slug = name.replace(/\.mdx$/, '');
  describe(`article ${slug}`, () => {
    const { frontmatter, body } = read(name);
    const words = proseWords(body).length;

    it('is 1,000 to 2,000 words long and states its reading time honestly', () => {
      expect(words).toBeGreaterThanOrEqual(1000);
      expect(words).toBeLessThanOrEqual(2000);
      expect(Math.abs(frontmatter.readingMinutes - readingMinutes(words))).toBeLessThanOrEqual(1);
    });

    if (OWNERS_ARTICLES.includes(slug))
      it('is at least 1,200 words long, as an owners’ article', () => {
        expect(words).toBeGreaterThanOrEqual(1200);
      });

    for (const quote of frontmatter.sampleFigures ?? []) {
      it(`quotes the sample's ${quote.figure} as the orders code computes it, and prints it`, () => {
        const actual = figuresOfSample[quote.figure];
        expect(actual, `${quote.figure} is not a sample figure`).toBeDefined();
        expect(Math.abs((actual ?? NaN) - quote.value)).toBeLessThanOrEqual(0.5 * 10 ** -quote.digits + 1e-9);
        expect(body).toContain(formatQuote(quote));
      });
    }

    it('ends with sources a reader can look up', () => {
      expect(frontmatter.sources.length).toBeGreaterThan(0);
      for (const source of frontmatter.sources) {
        expect(source.author.length).toBeGreaterThan(0);
        expect(source.title.length).toBeGreaterThan(0);
        expect(source.year).toBeGreaterThan(1900);
      }
    });

    it('relates only to articles that exist', () => {
      for (const related of frontmatter.related) expect(slugs).toContain(related);
      expect(frontmatter.related).not.toContain(slug);
    });

    it('links "try it with your numbers" to at least one example', () => {
      expect(body).toMatch(/<TryIt\b/);
    });

    for (const example of frontmatter.examples) {
      it(`example "${example.id}" uses inputs the calculator accepts`, () => {
        expect(exampleInputProblems(example)).toEqual([]);
      });

      for (const quote of example.quotes) {
        it(`example "${example.id}" quotes ${quote.result} as the model computes it, and prints it`, () => {
          const actual = exampleResult(example, quote.result);
          expect(actual, `${quote.result} is not a defined result`).toBeDefined();
          // The printed figure is the model's, rounded to the printed decimal places.
          expect(Math.abs((actual ?? NaN) - quote.value)).toBeLessThanOrEqual(
            0.5 * 10 ** -quote.digits + 1e-9,
          );
          expect(body).toContain(formatQuote(quote));
        });
      }
    }
  });
}
