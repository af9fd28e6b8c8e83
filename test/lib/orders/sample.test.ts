/**
 * Tests of the made-up exports (src/lib/orders/sample.ts): the small sample reads cleanly through the
 * whole import and looks like a shop; the large one comes in whole lines. The speed of a
 * million rows is measured by test/budget/orders-benchmark.mjs, not asserted here.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessColumns } from '../../../src/lib/orders/import/columns';
import { dayFromCivil, detectDateFormats } from '../../../src/lib/orders/import/dates';
import { createHistory } from '../../../src/lib/orders/history/history';
import { validateRow, type ColumnMapping } from '../../../src/lib/orders/import/rows';
import {
  gamma,
  generateLargeCsv,
  mulberry32,
  SAMPLE_HEADER,
  sampleCsv,
  sampleOrders,
} from '../../../src/lib/orders/sample';

const MAPPING: ColumnMapping = { customer: 0, date: 1, amount: 2, columns: 3 };

describe('mulberry32 and gamma', () => {
  it('repeat for a seed', () => {
    const [a, b] = [mulberry32(7), mulberry32(7)];
    const draws = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(draws);
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
    expect(mulberry32(1)()).toBe(0.6270739405881613);
  });

  it('draw gammas with the asked mean, for shapes below and above 1', () => {
    for (const shape of [0.5, 0.9, 3, 12]) {
      const random = mulberry32(shape * 100);
      const n = 20_000;
      let sum = 0;
      for (let draw = 0; draw < n; draw++) sum += gamma(random, shape, 10);
      // Standard error of the mean: 10 / √(shape · n); 5 of them is a generous bound.
      expect(Math.abs(sum / n - 10)).toBeLessThan((5 * 10) / Math.sqrt(shape * n));
    }
  });
});

describe('the sample export', () => {
  const csv = sampleCsv();

  it('is the same text every time, and another with another seed', () => {
    expect(sampleCsv()).toBe(csv);
    expect(sampleCsv({ seed: 2 })).not.toBe(csv);
  });

  it('has the header, CRLF line endings, ISO dates and amounts with two decimals', () => {
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(SAMPLE_HEADER);
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^C\d{4},\d{4}-\d{2}-\d{2},\d+\.\d{2}$/);
  });

  it('reads through the whole import with no bad row', () => {
    const [header = [], ...records] = Papa.parse<string[]>(csv, { skipEmptyLines: 'greedy' }).data;
    expect(guessColumns(header)).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(detectDateFormats(records.slice(0, 50).map((row) => row[1] ?? ''))).toEqual(['YYYY-MM-DD']);
    const history = createHistory();
    for (const fields of records) {
      const checked = validateRow(fields, MAPPING, 'YYYY-MM-DD');
      expect(checked.ok, fields.join(',')).toBe(true);
      if (checked.ok) history.add(checked.order);
    }
    expect(history.orders).toBe(records.length);
  });

  it('looks like a small shop: 400 customers over 30 months, some repeat buyers, plausible amounts', () => {
    const history = createHistory();
    for (const order of sampleOrders()) history.add(order);
    const summary = history.finish();
    expect(summary?.customers).toBe(400);
    expect(summary?.firstDay).toBe(dayFromCivil(2022, 7, 1));
    expect(summary?.lastDay).toBeLessThanOrEqual(dayFromCivil(2024, 12, 31));
    expect(summary?.lastDay).toBeGreaterThan(dayFromCivil(2024, 12, 1));
    expect(summary?.repeatPurchaseRate).toBeGreaterThan(0.2);
    expect(summary?.repeatPurchaseRate).toBeLessThan(0.7);
    expect(summary?.averageOrderValue).toBeGreaterThan(20);
    expect(summary?.averageOrderValue).toBeLessThan(100);
    expect(summary?.transactions).toBeLessThan(summary?.orders ?? 0); // a few same-day second orders
    expect(summary?.annualRetention.value).not.toBeNull(); // the sample is long enough to measure it
  });

  it('is sorted oldest first, as exports usually are', () => {
    const days = sampleOrders().map((order) => order.day);
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });
});

describe('generateLargeCsv', () => {
  it('writes the header and the asked number of rows, in chunks of whole lines', () => {
    const chunks = [...generateLargeCsv(25_001, 3, 10_000)];
    expect(chunks).toHaveLength(3);
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
    const lines = chunks.join('').split('\n');
    expect(lines[0]).toBe(SAMPLE_HEADER);
    expect(lines).toHaveLength(25_003); // header, rows, and '' after the last line break
    expect(lines[1]).toMatch(/^C\d+,2022-01-01,\d+\.\d{2}$/);
  });

  it('is the same for a seed', () => {
    expect([...generateLargeCsv(100, 9)].join('')).toBe([...generateLargeCsv(100, 9)].join(''));
  });
});
