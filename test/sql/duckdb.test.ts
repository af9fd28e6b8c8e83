/**
 * public/sql/customer-summary.duckdb.sql run in a real, in-memory DuckDB (@duckdb/node-api, pinned in
 * package.json at a version whose native binding exists for linux-x64/arm64 (glibc and musl), darwin-x64/arm64
 * and win32-x64/arm64, checked with `npm view @duckdb/node-bindings-<platform> versions`), over the site's
 * sample orders: the summary equals the page's, customer by customer, and fits the same.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { CALIBRATION_ENDS, SAMPLE, expectSameAsPage, query, type SummaryRow } from './summary-check';

let connection: DuckDBConnection;
let instance: DuckDBInstance;
const dir = mkdtempSync(join(tmpdir(), 'cfl-duckdb-'));

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  const file = join(dir, 'orders.csv');
  writeFileSync(file, SAMPLE);
  await connection.run('CREATE TABLE orders (customer_id VARCHAR, order_date DATE, amount DECIMAL(12, 2))');
  await connection.run(`COPY orders FROM '${file}' (HEADER)`);
});

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

async function rows(sql: string): Promise<SummaryRow[]> {
  const reader = await connection.runAndReadAll(sql.trim().replace(/;$/, ''));
  return reader.getRowObjectsJS().map((row) => ({
    customer_id: typeof row['customer_id'] === 'string' ? row['customer_id'] : '',
    frequency: Number(row['frequency']),
    recency_weeks: Number(row['recency_weeks']),
    age_weeks: Number(row['age_weeks']),
    monetary_value: Number(row['monetary_value']),
  }));
}

describe('the DuckDB customer summary query, in DuckDB', () => {
  it('loaded every sample order', async () => {
    const count = await connection.runAndReadAll('SELECT COUNT(*) AS n FROM orders');
    expect(Number(count.getRowObjectsJS()[0]?.['n'])).toBe(SAMPLE.trim().split('\r\n').length - 1);
  });

  for (const calibrationEnd of CALIBRATION_ENDS) {
    it(`as of ${calibrationEnd}: the page's summary, customer by customer, and the same fit`, async () => {
      expectSameAsPage(await rows(query('duckdb', calibrationEnd)), calibrationEnd);
    });
  }

  it('writes its columns in the order the page expects', async () => {
    const reader = await connection.runAndReadAll(query('duckdb').trim().replace(/;$/, ''));
    expect(reader.columnNames()).toEqual([
      'customer_id',
      'frequency',
      'recency_weeks',
      'age_weeks',
      'monetary_value',
    ]);
  });
});
