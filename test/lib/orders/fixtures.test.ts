/**
 * Every fixture under test/fixtures/orders, read as the page's worker reads it, against its orders, revenue
 * and line accounting counted by hand; and, on every fixture, lines = orderLines + excludedLines +
 * unreadableLines.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAllRecords, RecordReader } from '../../../src/lib/orders/import/records';
import { dayFromCivil } from '../../../src/lib/orders/import/dates';
import { recognisePlatform } from '../../../src/lib/orders/import/formats';
import { createFileReading, summarise, type OrderImport } from '../../../src/lib/orders/pipeline';

const DIR = new URL('../../fixtures/orders/', import.meta.url);
const TODAY = dayFromCivil(2025, 6, 30);
const SETTINGS = { horizonYears: 3, discount: 10, margin: 40, cohortPeriod: 'month' } as const;

interface Expected {
  /** The platform recognised from the header, or null for the generic path. */
  platform: string | null;
  /** The currency analysed ('' when the file names none). */
  currency: string;
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
    platform: null,
    currency: '',
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
    platform: null,
    currency: '',
    orders: 2,
    customers: 2,
    revenue: 28,
    lines: 9,
    orderLines: 2,
    excludedLines: 1,
    unreadableLines: 6,
    unreadableAt: [3, 4, 6, 7, 9, 11],
  },
  // #1001 (2 lines, 50.00), #1002 (partially refunded: 80.00 − 20.00 = 60.00), #1006 (2 lines, 25.50) are
  // counted: 135.50 from ann and bob. Left out: #1003 refunded (3 lines), #1004 pending, #1005 cancelled
  // and #1007 voided (2), #1008 dated 2099. 12 lines = 5 + 7.
  'shopify.csv': {
    platform: 'shopify',
    currency: 'USD',
    orders: 3,
    customers: 2,
    revenue: 135.5,
    lines: 12,
    orderLines: 5,
    excludedLines: 7,
    unreadableLines: 0,
  },
  // USD, the currency of most orders: ch_3Oa1 20.00, ch_3Oa3 50.00 − 10.00 refunded, ch_3Oa6 30.00 = 90.00
  // from cus_A and cus_B. Left out: failed, refunded, canceled, and the one EUR payment. 7 = 3 + 4.
  'stripe.csv': {
    platform: 'stripe',
    currency: 'USD',
    orders: 3,
    customers: 2,
    revenue: 90,
    lines: 7,
    orderLines: 3,
    excludedLines: 4,
    unreadableLines: 0,
  },
  // Completed 101 (45.00), processing 102 (30.00 − 5.00), completed 108 (60.00) = 130.00; refunded,
  // cancelled, failed, on-hold and pending left out. 8 = 3 + 5.
  'woocommerce.csv': {
    platform: 'woocommerce',
    currency: 'GBP',
    orders: 3,
    customers: 2,
    revenue: 130,
    lines: 8,
    orderLines: 3,
    excludedLines: 5,
    unreadableLines: 0,
  },
  // Net Sales of 201, 202 and 205: 24.00 + 12.00 + 7.50 = 43.50; refunded 203 and pending 204 left out.
  'woocommerce-analytics.csv': {
    platform: 'woocommerce-analytics',
    currency: '',
    orders: 3,
    customers: 2,
    revenue: 43.5,
    lines: 5,
    orderLines: 3,
    excludedLines: 2,
    unreadableLines: 0,
  },
  // 1AB 40.00 less its refund line 2CD (10.00) = 30.00 (2 lines), 3EF 25.00: 55.00 from ann and bob.
  // Left out: 4GH denied, 5IJ refunded in full by 6KL (2 lines), the withdrawal 7MN, 8OP pending. 8 = 3 + 5.
  'paypal.csv': {
    platform: 'paypal',
    currency: 'EUR',
    orders: 2,
    customers: 2,
    revenue: 55,
    lines: 8,
    orderLines: 3,
    excludedLines: 5,
    unreadableLines: 0,
  },
  // 3001 (35.00 with shipping), 3002 (48.00 partially refunded, 40.00 kept after the refund) and 3003
  // (Status blank: a sale) = 95.00 from buyers 111 and 222. Left out: 3004 fully refunded and 3007 adjusted
  // to 0.00 (refunded, 2), 3005 canceled, 3006 payment processing, 3008 dated 2099; 3009 has no date that
  // can be read. 9 lines = 3 + 5 + 1.
  'etsy-sold-orders.csv': {
    platform: 'etsy',
    currency: 'USD',
    orders: 3,
    customers: 2,
    revenue: 95,
    lines: 9,
    orderLines: 3,
    excludedLines: 5,
    unreadableLines: 1,
    unreadableAt: [10],
  },
  // Items grouped by Order ID: 4001 (30.00 + 2 × 5.00 = 40.00, 2 lines), 4002 (12.00), 4003 (25.50) =
  // 77.50 from annlee and bobray. Left out: 4005 not paid (Date Paid blank), 4004 dated 2099. Line 6 has no
  // Order ID. 7 lines = 4 + 2 + 1.
  'etsy-sold-order-items.csv': {
    platform: 'etsy-items',
    currency: 'USD',
    orders: 3,
    customers: 2,
    revenue: 77.5,
    lines: 7,
    orderLines: 4,
    excludedLines: 2,
    unreadableLines: 1,
    unreadableAt: [6],
  },
  // Net Sales less partial refunds: T1 20.00, T2 13.50 − 3.50 = 10.00, T4 30.00 = 60.00 from CUST1 and
  // CUST2. T3 has no customer (unreadable), T5 is pending. 5 = 3 + 1 + 1.
  'square.csv': {
    platform: 'square',
    currency: '',
    orders: 3,
    customers: 2,
    revenue: 60,
    lines: 5,
    orderLines: 3,
    excludedLines: 1,
    unreadableLines: 1,
  },
};

/** Reads a file as the worker does: the header picks the platform's rules or the generic path. */
function read(text: string, chunk = 7): { reading: OrderImport; platform: string | null } {
  const reader = new RecordReader();
  const mapping = { customer: 0, date: 1, amount: 2, columns: 3 };
  const file = createFileReading({ platform: true, mapping, dateFormat: 'YYYY-MM-DD', today: TODAY });
  for (let at = 0; at < text.length; at += chunk) reader.push(text.slice(at, at + chunk), file.take);
  reader.end(file.take);
  const reading = file.reading();
  if (!('finish' in reading)) throw new Error('read as a customer summary');
  reading.finish();
  const header = readAllRecords(text)[0]?.fields ?? [];
  return { reading, platform: recognisePlatform(header)?.id ?? null };
}

describe('fixtures, counted by hand', () => {
  it('stripe.csv: the other currency can be chosen, and the accounting follows the choice', () => {
    const { reading } = read(readFileSync(new URL('stripe.csv', DIR), 'utf8'));
    expect(reading.currencies()).toEqual([
      { code: 'USD', orders: 3, lines: 3 },
      { code: 'EUR', orders: 1, lines: 1 },
    ]);
    const euro = reading.accounting('EUR');
    expect([euro.lines, euro.orderLines, euro.excludedLines]).toEqual([7, 1, 6]);
    expect(euro.excluded).toContainEqual({ reason: 'in another currency (USD)', count: 3 });
    const summary = summarise(reading, { ...SETTINGS, currency: 'EUR' });
    expect([summary?.orders, summary?.revenue]).toEqual([1, 12]);
  });

  it('shopify.csv: says why each order was left out, counting every line of it', () => {
    const { reading } = read(readFileSync(new URL('shopify.csv', DIR), 'utf8'));
    expect(reading.accounting().excluded).toEqual([
      { reason: 'refunded in full', count: 3 },
      { reason: 'voided or cancelled', count: 2 },
      { reason: 'dated after today', count: 1 },
      { reason: 'not paid yet (pending, authorised or on hold)', count: 1 },
    ]);
  });

  it('etsy-sold-orders.csv: Etsy’s statuses and refunds, each order left out with its reason', () => {
    const { reading } = read(readFileSync(new URL('etsy-sold-orders.csv', DIR), 'utf8'));
    expect(reading.accounting().excluded).toEqual([
      { reason: 'refunded in full', count: 2 },
      { reason: 'dated after today', count: 1 },
      { reason: 'not paid yet (pending, authorised or on hold)', count: 1 },
      { reason: 'voided or cancelled', count: 1 },
    ]);
    expect(reading.accounting().unreadable.examples[0]).toMatchObject({ reason: 'no readable order date' });
    // Buyer 111's orders of 2024-01-05 and 2024-03-01 (56 days apart); 3007 on 2024-05-05 was refunded.
    const summary = summarise(reading, SETTINGS);
    expect(summary?.firstDay).toBe(dayFromCivil(2024, 1, 5));
    expect(summary?.bgnbd.find((customer) => customer.customer === '111')).toMatchObject({ x: 1, tx: 8 });
  });

  const files = readdirSync(DIR).filter((name) => name.endsWith('.csv'));

  it('has a hand count for every fixture', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    it(`${file}: orders, revenue and where every line went`, () => {
      const expected = EXPECTED[file];
      const { reading, platform } = read(readFileSync(new URL(file, DIR), 'utf8'));
      const lines = reading.accounting();
      const summary = summarise(reading, SETTINGS);
      expect(lines.lines).toBe(lines.orderLines + lines.excludedLines + lines.unreadableLines);
      expect({
        platform,
        currency: reading.currencies()[0]?.code ?? '',
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
    const { reading } = read(text, 1 << 20);
    const lines = reading.accounting();
    expect([lines.lines, lines.orderLines, lines.unreadableLines]).toEqual([3, 2, 1]);
    expect(lines.unreadable.examples[0]).toMatchObject({ line: 2, reason: /longer than/ });
    expect(summarise(reading, SETTINGS)?.revenue).toBe(5);
  });
});
