/**
 * public/sql/customer-summary.postgres.sql run in a real PostgreSQL (Debian's `postgresql` package; .ci/run
 * installs it when absent) over the site's sample orders: a throwaway cluster is made in a temporary folder,
 * started on 127.0.0.1 on a free port, loaded with psql, then stopped and removed. PostgreSQL refuses to
 * run as root, so as root the server runs as the `postgres` user, on a folder that user owns.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllRecords } from '../../src/lib/orders/import/records';
import { CALIBRATION_ENDS, SAMPLE, expectSameAsPage, query, type SummaryRow } from './summary-check';

/** The newest installed PostgreSQL's programs (PG_BIN overrides). */
function binDir(): string {
  if (process.env['PG_BIN']) return process.env['PG_BIN'];
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((version) => join(root, version, 'bin'))
    .find((dir) => existsSync(join(dir, 'initdb')));
  if (!found) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (see .ci/run)');
  return found;
}

const asRoot = process.getuid?.() === 0;
const bin = binDir();
const dir = mkdtempSync(join(tmpdir(), 'cfl-postgres-'));
const data = join(dir, 'data');
let port = 0;

/** Runs a PostgreSQL program, as the `postgres` user when this process is root. */
function run(program: string, args: readonly string[], input?: string): string {
  const [command, commandArgs] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]]
    : [join(bin, program), [...args]];
  const result = spawnSync(command, commandArgs, { input, encoding: 'utf8', cwd: dir });
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

/** psql's options to reach the throwaway server, stopping at the first error. */
const connection = () => [
  '-X',
  '-q',
  '-v',
  'ON_ERROR_STOP=1',
  '-h',
  '127.0.0.1',
  '-p',
  String(port),
  '-U',
  'postgres',
];

const psql = (sql: string) => run('psql', [...connection(), '--csv', '-c', sql]);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  psql('CREATE TABLE orders (customer_id text, order_date date, amount numeric(12, 2))');
  run('psql', [...connection(), '-c', 'COPY orders FROM STDIN WITH (FORMAT csv, HEADER)'], SAMPLE);
}, 60_000);

afterAll(() => {
  try {
    if (existsSync(join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A query's CSV output as rows. */
function rows(sql: string): SummaryRow[] {
  const [header, ...records] = readAllRecords(psql(sql));
  expect(header?.fields).toEqual([
    'customer_id',
    'frequency',
    'recency_weeks',
    'age_weeks',
    'monetary_value',
  ]);
  return records
    .filter((record) => record.fields.length > 1)
    .map(({ fields: [customer = '', x, tx, T, mx] }) => ({
      customer_id: customer,
      frequency: Number(x),
      recency_weeks: Number(tx),
      age_weeks: Number(T),
      monetary_value: Number(mx),
    }));
}

describe('the PostgreSQL customer summary query, in PostgreSQL', () => {
  it('runs a real server, loaded with every sample order', () => {
    expect(psql('SHOW server_version').split('\n')[1]).toMatch(/^\d+/);
    expect(Number(psql('SELECT COUNT(*) FROM orders').split('\n')[1])).toBe(
      SAMPLE.trim().split('\r\n').length - 1,
    );
  });

  for (const calibrationEnd of CALIBRATION_ENDS) {
    it(`as of ${calibrationEnd}: the page's summary, customer by customer, and the same fit`, () => {
      expectSameAsPage(rows(query('postgres', calibrationEnd)), calibrationEnd);
    });
  }
});
