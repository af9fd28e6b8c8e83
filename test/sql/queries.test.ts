/**
 * The four shipped queries as text. DuckDB's and PostgreSQL's also run in real databases (duckdb.test.ts,
 * postgres.test.ts); BigQuery and Snowflake cannot run here, so theirs are held to the same shape: the
 * same CTEs in the same order, the first named `params` and holding the only date literal, which is the
 * calibration end a person edits, and the same output columns.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOMER_SUMMARY_HEADER } from '../../src/lib/orders/history/customer-summary';
import { query } from './summary-check';

const DIALECTS = ['duckdb', 'postgres', 'bigquery', 'snowflake'] as const;

/** The query without its comments. */
const code = (text: string) => text.replace(/--[^\n]*/g, '');

describe.each(DIALECTS)('customer-summary.%s.sql', (dialect) => {
  const text = code(query(dialect));

  it('starts with a params CTE holding the one DATE literal, the calibration end', () => {
    expect(text.trim()).toMatch(
      /^WITH params AS \(\s*SELECT DATE '\d{4}-\d{2}-\d{2}' AS calibration_end\s*\),/,
    );
    expect(text.match(/DATE '[^']*'/g)).toHaveLength(1);
    expect(text.match(/'\d{4}-\d{2}-\d{2}'/g)).toHaveLength(1);
  });

  it('has the same CTEs as the DuckDB query, and uses the calibration end for the cut and for T', () => {
    const names = (sql: string) => [...sql.matchAll(/(?:WITH|,)\s*(\w+) AS \(/g)].map((match) => match[1]);
    expect(names(text)).toEqual(['params', 'purchase_days', 'ranked']);
    expect(names(text)).toEqual(names(code(query('duckdb'))));
    expect(text).toMatch(/<= p\.calibration_end/);
    expect(text).toMatch(/p\.calibration_end.*AS age_weeks/);
  });

  it('writes the summary columns in the order the page reads them, weeks as days ÷ 7', () => {
    const last = text.slice(text.lastIndexOf('SELECT'), text.lastIndexOf('FROM ranked'));
    const outputs = [...last.matchAll(/(?:^\s*r\.(customer_id)|\bAS (\w+)),?$/gm)].map((m) => m[1] ?? m[2]);
    expect(outputs).toEqual([...CUSTOMER_SUMMARY_HEADER]);
    expect(text.match(/\) \/ 7 AS (recency|age)_weeks/g)).toHaveLength(2);
  });

  it('sums same-day orders into one purchase, and leaves refunds and blank ids out, as the page does', () => {
    expect(text).toMatch(/SUM\(o\.amount\) AS spend/);
    expect(text).toMatch(/GROUP BY 1, 2/);
    expect(text).toMatch(/o\.amount >= 0/);
    expect(text).toMatch(/<> ''/);
  });
});
