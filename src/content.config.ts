import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { z } from 'astro/zod';
import { CALCULATOR_IDS, exampleInputProblems } from './lib/articles/examples';

/** A source a reader can look up: author, title, publication, year. */
const source = z.object({
  author: z.string(),
  title: z.string(),
  publication: z.string(),
  year: z.number().int(),
  /** What the article takes from it, or a caution about it. */
  note: z.string().optional(),
});

/** A figure the article quotes from a calculator's model, checked against the model by the tests. */
const quote = z.object({
  /** The model's result name (the spec's `data-result`). */
  result: z.string(),
  /** The figure as the article prints it, rounded. */
  value: z.number(),
  /** How it is printed: money in US dollars, a plain number, a percentage, or months. */
  style: z.enum(['money', 'number', 'percent']),
  /** Decimal places as printed. */
  digits: z.number().int().min(0).max(4),
});

/** A worked example: calculator inputs the article uses, and the figures it quotes from them. */
const example = z
  .object({
    id: z.string(),
    calculator: z.enum(CALCULATOR_IDS),
    /**
     * Inputs by URL key; keys left out take the calculator's defaults. Numbers, except the subscription
     * calculator's `period` (month or year) and `survival` (counts as the link writes them: 1000,631,468).
     */
    inputs: z.record(z.string(), z.union([z.number(), z.string()])),
    quotes: z.array(quote).default([]),
  })
  // Text only where the calculator takes text, and every value one the calculator's link accepts.
  .superRefine((value, context) => {
    for (const problem of exampleInputProblems(value))
      context.addIssue({ code: 'custom', path: ['inputs'], message: `${value.id}: ${problem}` });
  });

/** A figure the article quotes from the orders page's sample export, computed from it by the tests. */
const sampleFigure = z.object({
  /** The figure's name in the tests' table of sample figures (test/lib/articles/sample-orders.ts). */
  figure: z.string(),
  value: z.number(),
  style: z.enum(['money', 'number', 'percent']),
  digits: z.number().int().min(0).max(4),
});

const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/articles' }),
  schema: z.object({
    title: z.string(),
    description: z.string().min(50).max(200),
    published: z.coerce.date(),
    updated: z.coerce.date().optional(),
    /** Position in the suggested reading order. */
    order: z.number().int().positive(),
    /** Minutes to read at about 220 words a minute (a test checks it against the text). */
    readingMinutes: z.number().int().positive(),
    calculators: z.array(z.enum(CALCULATOR_IDS)).default([]),
    examples: z.array(example).min(1),
    /** Figures taken from the orders page's sample export rather than from a calculator. */
    sampleFigures: z.array(sampleFigure).default([]),
    sources: z.array(source).default([]),
    /** Slugs of related articles. */
    related: z.array(z.string()).default([]),
  }),
});

/** Terms the articles use; each article links its first use of a term to the glossary. */
const glossary = defineCollection({
  loader: file('src/content/glossary.json'),
  schema: z.object({
    term: z.string(),
    /** Other words for the term that also link to it. */
    aliases: z.array(z.string()).default([]),
    definition: z.string(),
  }),
});

export const collections = { articles, glossary };
