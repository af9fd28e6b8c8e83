/**
 * Every fixture under test/fixtures/orders, read as the page's worker reads it, against its orders, revenue
 * and line accounting counted by hand; and, on every fixture, lines = orderLines + excludedLines +
 * unreadableLines.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RecordReader } from '../../../src/lib/orders/import/records';
import { dayFromCivil } from '../../../src/lib/orders/import/dates';
import { createOrderImport, summarise } from '../../../src/lib/orders/pipeline';

const DIR = new URL('../../fixtures/orders/', import.meta.url);
const TODAY = dayFromCivil(2025, 6, 30);
const SETTINGS = { horizonYears: 3, discount: 10, margin: 40, cohortPeriod: 'month' } as const;

interface Expected {
  orders: number;
  customers: number;
  revenue: number;
  lines: number;
  orderLines: number;
  excludedLines: number;
  unreadableLines: number;
  /** Line numbers of the unreadable lines, when a fixture is about them. */
  unreadableAt?: number[];
}

/** Hand counts, fixture by fixture (line numbers are the file's own, the header being line 1). */
const EXPECTED: Record<string, Expected> = {
  // 4 orders of ann (20 + 30), bob (15.50) and carl (12.25) = 77.75.
  'plain.csv': {
    orders: 4,
    customers: 3,
    revenue: 77.75,
    lines: 4,
    orderLines: 4,
    excludedLines: 0,
    unreadableLines: 0,
  },
  // Line 2 ann 20.00 and line 10 fay 8 are orders (28); line 8 (2099) is after today; line 3 leaves a
  // quote open (alone); 4 has no date, 6 a negative amount, 7 no customer, 9 and 11–12 text for an
  // amount; line 5 is blank, not a data line. 9 data lines = 2 + 1 + 6.
  'messy.csv': {
    orders: 2,
    customers: 2,
    revenue: 28,
    lines: 9,
    orderLines: 2,
    excludedLines: 1,
    unreadableLines: 6,
    unreadableAt: [3, 4, 6, 7, 9, 11],
  },
};

function read(text: string, chunk = 7) {
  const reading = createOrderImport({ customer: 0, date: 1, amount: 2, columns: 3 }, 'YYYY-MM-DD', {
    today: TODAY,
  });
  const reader = new RecordReader();
  let header = true;
  const take = (record: Parameters<typeof reading.add>[0]) =>
    header ? (header = false) : reading.add(record);
  for (let at = 0; at < text.length; at += chunk) reader.push(text.slice(at, at + chunk), take);
  reader.end(take);
  return reading;
}

describe('fixtures, counted by hand', () => {
  const files = readdirSync(DIR).filter((name) => name.endsWith('.csv'));

  it('has a hand count for every fixture', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    it(`${file}: orders, revenue and where every line went`, () => {
      const expected = EXPECTED[file];
      const reading = read(readFileSync(new URL(file, DIR), 'utf8'));
      const lines = reading.lines.summary();
      const summary = summarise(reading.history, SETTINGS);
      expect(lines.lines).toBe(lines.orderLines + lines.excludedLines + lines.unreadableLines);
      expect({
        orders: summary?.orders,
        customers: summary?.customers,
        revenue: summary?.revenue,
        lines: lines.lines,
        orderLines: lines.orderLines,
        excludedLines: lines.excludedLines,
        unreadableLines: lines.unreadableLines,
        ...(expected?.unreadableAt ? { unreadableAt: lines.unreadable.examples.map((e) => e.line) } : {}),
      }).toEqual(expected);
    });
  }

  it('one absurd first line (a 5 MB field) is reported alone and the rest is read', () => {
    const text = `customer,date,amount\n${'x'.repeat(5 << 20)},2024-01-01,1\na,2024-01-02,2\nb,2024-01-03,3\n`;
    const reading = read(text, 1 << 20);
    const lines = reading.lines.summary();
    expect([lines.lines, lines.orderLines, lines.unreadableLines]).toEqual([3, 2, 1]);
    expect(lines.unreadable.examples[0]).toMatchObject({ line: 2, reason: /longer than/ });
    expect(summarise(reading.history, SETTINGS)?.revenue).toBe(5);
  });
});
