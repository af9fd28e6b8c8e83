/**
 * What the SQL tests compare a database's customer summary with: the summary the page's own code works
 * out from the same orders (the site's sample file), and the fit the page makes from each.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { readAllRecords } from '../../src/lib/orders/import/records';
import { dayFromCivil, formatDay } from '../../src/lib/orders/import/dates';
import { recogniseCustomerSummary } from '../../src/lib/orders/history/customer-summary';
import {
  createCustomerSummaryImport,
  createOrderImport,
  fitModels,
  summarise,
  type ModelResult,
} from '../../src/lib/orders/pipeline';
import { sampleCsv } from '../../src/lib/orders/sample';

/** One line of a customer summary, as a database returns it. */
export interface SummaryRow {
  customer_id: string;
  frequency: number;
  recency_weeks: number;
  age_weeks: number;
  monetary_value: number;
}

export const SETTINGS = { horizonYears: 3, discount: 10, margin: 40, cohortPeriod: 'month' } as const;
/** The sample's last order day, and a calibration end half a year before it (later orders left out). */
export const CALIBRATION_ENDS = ['2024-12-31', '2024-06-30'] as const;

/** The shipped query for a database, with its one date set to `calibrationEnd`. */
export function query(
  dialect: 'duckdb' | 'postgres' | 'bigquery' | 'snowflake',
  calibrationEnd?: string,
): string {
  const text = readFileSync(
    new URL(`../../public/sql/customer-summary.${dialect}.sql`, import.meta.url),
    'utf8',
  );
  return calibrationEnd === undefined
    ? text
    : text.replace(/DATE '\d{4}-\d{2}-\d{2}'/, `DATE '${calibrationEnd}'`);
}

/** The sample orders the site ships, as CSV text with the header customer_id,order_date,amount. */
export const SAMPLE = sampleCsv();

/** The page's reading of the sample: the generic path, as the page reads a three-column file. */
function pageImport() {
  const reading = createOrderImport({ customer: 0, date: 1, amount: 2, columns: 3 }, 'YYYY-MM-DD', {
    today: dayFromCivil(2100, 1, 1),
  });
  readAllRecords(SAMPLE)
    .slice(1)
    .forEach((record) => reading.add(record));
  return reading;
}

/** The page's summary of the sample as of a calibration end, keyed by customer id. */
export function pageSummary(calibrationEnd: string) {
  const [year = 0, month = 0, day = 0] = calibrationEnd.split('-').map(Number);
  const summary = summarise(pageImport(), { ...SETTINGS, calibrationEnd: dayFromCivil(year, month, day) });
  if (!summary) throw new Error('the sample has no orders');
  expect(formatDay(summary.calibrationEnd)).toBe(calibrationEnd);
  const spend = new Map(summary.gammaGamma.map((buyer) => [buyer.customer, buyer.mx]));
  const rows = new Map<string, SummaryRow>();
  for (const { customer, x, tx, T } of summary.bgnbd)
    rows.set(customer, {
      customer_id: customer,
      frequency: x,
      recency_weeks: tx,
      age_weeks: T,
      monetary_value: spend.get(customer) ?? 0,
    });
  return { summary, rows };
}

/** Asserts a database's summary equals the page's, customer by customer, then that both fit alike. */
export function expectSameAsPage(databaseRows: readonly SummaryRow[], calibrationEnd: string): void {
  const { summary, rows } = pageSummary(calibrationEnd);
  expect(databaseRows.length).toBe(rows.size);
  for (const row of databaseRows) {
    const page = rows.get(row.customer_id);
    expect(page, `customer ${row.customer_id}`).toBeDefined();
    if (!page) continue;
    expect(row.frequency).toBe(page.frequency);
    expect(Math.abs(row.recency_weeks - page.recency_weeks)).toBeLessThan(1e-9);
    expect(Math.abs(row.age_weeks - page.age_weeks)).toBeLessThan(1e-9);
    expect(Math.abs(row.monetary_value - page.monetary_value)).toBeLessThan(1e-9 * (1 + page.monetary_value));
  }
  expectSameFit(fitFromSummaryCsv(databaseRows), fitModels(summary, SETTINGS));
}

/** The database's rows written as the CSV a person would save, read and fitted by the page's summary path. */
export function fitFromSummaryCsv(rows: readonly SummaryRow[]): ModelResult {
  const header = 'customer_id,frequency,recency_weeks,age_weeks,monetary_value';
  const csv = [
    header,
    ...rows.map((r) =>
      [r.customer_id, r.frequency, r.recency_weeks, r.age_weeks, r.monetary_value].map(String).join(','),
    ),
  ].join('\n');
  const [head, ...records] = readAllRecords(csv);
  const columns = recogniseCustomerSummary(head?.fields ?? []);
  if (!columns) throw new Error('the summary header was not recognised');
  const reading = createCustomerSummaryImport(columns);
  records.forEach((record) => reading.add(record));
  const accounting = reading.accounting();
  expect([accounting.lines, accounting.orderLines, accounting.unreadableLines]).toEqual([
    rows.length,
    rows.length,
    0,
  ]);
  return fitModels(reading.result(), SETTINGS);
}

/** Relative closeness: the optimiser meets its tolerance on either input, in another customer order. */
function close(actual: number | null | undefined, expected: number | null | undefined, tolerance: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual ?? NaN) - (expected ?? NaN))).toBeLessThanOrEqual(
    tolerance * Math.abs(expected ?? NaN),
  );
}

export function expectSameFit(fromSummary: ModelResult, fromOrders: ModelResult): void {
  expect(fromSummary.problem).toBeNull();
  expect(fromOrders.problem).toBeNull();
  const [s, o] = [fromSummary, fromOrders];
  close(s.bgnbd?.logLikelihood, o.bgnbd?.logLikelihood, 1e-9);
  for (const name of ['r', 'alpha', 'a', 'b'] as const) close(s.bgnbd?.[name], o.bgnbd?.[name], 1e-4);
  close(s.gammaGamma?.logLikelihood, o.gammaGamma?.logLikelihood, 1e-9);
  for (const name of ['p', 'q', 'v'] as const) close(s.gammaGamma?.[name], o.gammaGamma?.[name], 1e-4);
  close(s.predictions?.expectedPurchasesPerCustomer, o.predictions?.expectedPurchasesPerCustomer, 1e-5);
  close(s.predictions?.newCustomerClv, o.predictions?.newCustomerClv, 1e-5);
}
