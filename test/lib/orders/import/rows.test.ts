/**
 * Tests of row checking (src/lib/orders/import/rows.ts), on files parsed with papaparse as the page's Worker
 * parses them, so quoting, byte order marks, CRLF and blank lines are handled as in real use.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessColumns } from '../../../../src/lib/orders/import/columns';
import { detectDateFormats, type DateFormat } from '../../../../src/lib/orders/import/dates';
import {
  BadRows,
  customerKey,
  MAX_CUSTOMER_ID_LENGTH,
  notCsvReason,
  ROW_REASONS,
  validateRow,
  type BadRowsSummary,
  type ColumnMapping,
  type Order,
} from '../../../../src/lib/orders/import/rows';
import { mulberry32 } from '../../../../src/lib/orders/sample';

const MAPPING: ColumnMapping = { customer: 0, date: 1, amount: 2, columns: 3 };
const MARCH_1_2024 = 19783; // see dates.test.ts

/** What the Worker does with a file's text: parse, guess the columns, check every row. */
function importCsv(text: string, format?: DateFormat): { orders: Order[]; bad: BadRowsSummary } {
  const [header = [], ...records] = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  const guess = guessColumns(header);
  const mapping: ColumnMapping = {
    customer: guess.customer ?? 0,
    date: guess.date ?? 1,
    amount: guess.amount ?? 2,
    columns: header.length,
  };
  const dateFormat =
    format ?? detectDateFormats(records.slice(0, 100).map((row) => row[mapping.date] ?? ''))[0];
  const orders: Order[] = [];
  const bad = new BadRows();
  records.forEach((fields, index) => {
    const checked = validateRow(fields, mapping, dateFormat ?? 'YYYY-MM-DD');
    if (checked.ok) orders.push(checked.order);
    else bad.add(index + 2, checked.reason, fields); // the header is line 1
  });
  return { orders, bad: bad.summary() };
}

describe('validateRow', () => {
  const check = (fields: string[], format: DateFormat = 'YYYY-MM-DD') => validateRow(fields, MAPPING, format);

  it('turns a good row into an order', () => {
    expect(check(['c1', '2024-03-01', '23.50'])).toEqual({
      ok: true,
      order: { customer: 'c1', day: MARCH_1_2024, amount: 23.5 },
    });
    expect(check(['  c1 ', ' 01/03/2024 ', ' €23,50 '], 'DD/MM/YYYY')).toEqual({
      ok: true,
      order: { customer: 'c1', day: MARCH_1_2024, amount: 23.5 },
    });
  });

  it('reads columns in any order', () => {
    const mapping: ColumnMapping = { customer: 2, date: 0, amount: 3, columns: 4 };
    expect(validateRow(['2024-03-01', 'ignored', 'c1', '5'], mapping, 'YYYY-MM-DD')).toEqual({
      ok: true,
      order: { customer: 'c1', day: MARCH_1_2024, amount: 5 },
    });
  });

  it('accepts a free order (amount 0)', () => {
    expect(check(['c1', '2024-03-01', '0.00']).ok).toBe(true);
  });

  it('gives the reason a row is left out', () => {
    const cases: [string[], string][] = [
      [['c1', '2024-03-01'], 'wrong number of columns'],
      [['c1', '2024-03-01', '5', 'extra'], 'wrong number of columns'],
      [['', '2024-03-01', '5'], 'no customer id'],
      [['   ', '2024-03-01', '5'], 'no customer id'],
      [['c1', '', '5'], 'no date'],
      [['c1', '01/03/2024', '5'], 'date not in YYYY-MM-DD form'],
      [['c1', '2024-02-30', '5'], 'no such date (like 31 April)'],
      [['c1', '1969-12-31', '5'], 'date before 1970 or after 2100'],
      [['c1', '2024-03-01', ''], 'no amount'],
      [['c1', '2024-03-01', 'free'], 'amount is not a number'],
      [['c1', '2024-03-01', '1e3'], 'amount is not a number'],
      [['c1', '2024-03-01', '-5.00'], 'negative amount (a refund?)'],
      [['c1', '2024-03-01', '(5.00)'], 'negative amount (a refund?)'],
      [['', '', ''], 'blank line'],
      [[''], 'blank line'],
      [['c'.repeat(MAX_CUSTOMER_ID_LENGTH + 1), '2024-03-01', '5'], ROW_REASONS.longCustomer],
    ];
    for (const [fields, reason] of cases)
      expect(check(fields), JSON.stringify(fields)).toEqual({ ok: false, reason });
  });

  it('names the chosen format in the date reason', () => {
    expect(check(['c1', '2024-03-01', '5'], 'DD/MM/YYYY')).toEqual({
      ok: false,
      reason: 'date not in DD/MM/YYYY form',
    });
  });

  it('groups emails case-insensitively and other ids as written', () => {
    expect(customerKey(' Ann@Example.COM ')).toBe('ann@example.com');
    expect(customerKey('cus_AbC')).toBe('cus_AbC');
  });
});

describe('BadRows', () => {
  it('counts every reason, most frequent first', () => {
    const bad = new BadRows();
    bad.add(2, 'no date', ['a', '', '1']);
    bad.add(3, 'no amount', ['b', '2024-01-01', '']);
    bad.add(5, 'no amount', ['c', '2024-01-01', '']);
    expect(bad.total).toBe(3);
    expect(bad.summary().byReason).toEqual([
      { reason: 'no amount', count: 2 },
      { reason: 'no date', count: 1 },
    ]);
  });

  it('keeps only the first 10 examples, with their line numbers', () => {
    const bad = new BadRows();
    for (let line = 2; line < 1002; line++) bad.add(line, 'no date', [`c${line}`, '', '1']);
    const { total, examples } = bad.summary();
    expect(total).toBe(1000);
    expect(examples).toHaveLength(BadRows.MAX_EXAMPLES);
    expect(examples[0]).toEqual({ line: 2, reason: 'no date', text: 'c2,,1' });
    expect(examples.at(-1)?.line).toBe(11);
  });

  it('shows the earliest lines in file order, whatever order they were judged in', () => {
    // A platform export judges its orders when the file ends, after lines further down were counted.
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 2, max: 10_000 }), { minLength: 1, maxLength: 60 }),
        (lines) => {
          const bad = new BadRows();
          for (const line of lines) bad.add(line, 'no date', [String(line)]);
          const expected = [...lines].sort((a, b) => a - b).slice(0, BadRows.MAX_EXAMPLES);
          return (
            JSON.stringify(bad.summary().examples.map((example) => example.line)) === JSON.stringify(expected)
          );
        },
      ),
    );
  });

  it('cuts an example’s text, however long the row', () => {
    const bad = new BadRows();
    bad.add(2, 'wrong number of columns', [
      'x'.repeat(100_000),
      ...Array.from({ length: 10_000 }, () => 'y'),
    ]);
    const text = bad.summary().examples[0]?.text ?? '';
    expect(text.length).toBe(BadRows.EXAMPLE_LENGTH);
    expect(text.endsWith('…')).toBe(true);
  });

  it('gives plain data a Worker can post', () => {
    const bad = new BadRows();
    bad.add(2, 'no date', ['a']);
    expect(structuredClone(bad.summary())).toEqual(bad.summary());
  });
});

describe('importing messy files', () => {
  // Line by line (the header is line 1); ✓ marks the rows that are orders.
  const MESSY = [
    '\uFEFFCustomer ID,Order Date,Total', //       1  byte order mark from Excel
    'c1,2024-03-01,23.50', //                       2  ✓
    'c2,2024-03-02,"1,234.50"', //                  3  ✓ quoted comma
    'c3,2024-02-30,10.00', //                       4  no such date
    'c4,01/03/2024,10.00', //                       5  date not in YYYY-MM-DD form
    'c5,2024-03-03,-5.00', //                       6  negative amount
    'c6,2024-03-03,free', //                        7  amount is not a number
    ',2024-03-03,5.00', //                          8  no customer id
    'c7,2024-03-03', //                             9  wrong number of columns
    'c8,2024-03-03,5.00,extra', //                  10 wrong number of columns
    '"Smith, Ann",2024-03-04,7.25', //              11 ✓ quoted comma in the id
    'c1,2024-03-01,1.50', //                        12 ✓ same customer, same day
    'c10,2024-03-05,', //                           13 no amount
    'c11,,5', //                                    14 no date
    '"c12 ""VIP""",2024-03-06,"$2,000"', //         15 ✓ escaped quotes, currency and grouping
  ];
  const expected = {
    orders: [
      { customer: 'c1', day: MARCH_1_2024, amount: 23.5 },
      { customer: 'c2', day: MARCH_1_2024 + 1, amount: 1234.5 },
      { customer: 'Smith, Ann', day: MARCH_1_2024 + 3, amount: 7.25 },
      { customer: 'c1', day: MARCH_1_2024, amount: 1.5 },
      { customer: 'c12 "VIP"', day: MARCH_1_2024 + 5, amount: 2000 },
    ],
    bad: {
      total: 9,
      byReason: [
        { reason: 'wrong number of columns', count: 2 },
        { reason: 'amount is not a number', count: 1 },
        { reason: 'date not in YYYY-MM-DD form', count: 1 },
        { reason: 'negative amount (a refund?)', count: 1 },
        { reason: 'no amount', count: 1 },
        { reason: 'no customer id', count: 1 },
        { reason: 'no date', count: 1 },
        { reason: 'no such date (like 31 April)', count: 1 },
      ],
      lines: [4, 5, 6, 7, 8, 9, 10, 13, 14],
    },
  };

  function expectMessyResult(result: { orders: Order[]; bad: BadRowsSummary }): void {
    expect(result.orders).toEqual(expected.orders);
    expect(result.bad.total).toBe(expected.bad.total);
    expect(result.bad.examples.map((example) => example.line)).toEqual(expected.bad.lines);
  }

  it('reads a file with LF line endings', () => {
    const result = importCsv(`${MESSY.join('\n')}\n`);
    expectMessyResult(result);
    expect(result.bad.examples[0]).toEqual({
      line: 4,
      reason: 'no such date (like 31 April)',
      text: 'c3,2024-02-30,10.00',
    });
  });

  it('reads the same file with Windows CRLF line endings, and with trailing blank lines', () => {
    expectMessyResult(importCsv(`${MESSY.join('\r\n')}\r\n\r\n  \r\n`));
  });

  it('counts every reason, most frequent first', () => {
    expect(importCsv(MESSY.join('\n')).bad.byReason).toEqual(expected.bad.byReason);
  });

  it('finds the header despite the byte order mark', () => {
    expect(guessColumns(Papa.parse<string[]>(MESSY.join('\n')).data[0] ?? [])).toEqual({
      customer: 0,
      date: 1,
      amount: 2,
    });
  });

  it('skips blank lines between rows (greedy), so they are neither orders nor bad rows', () => {
    const text = ['customer,date,amount', 'a,2024-03-01,1', '', '   ', 'b,2024-03-02,2', ''].join('\r\n');
    const { orders, bad } = importCsv(text);
    expect(orders.map((order) => order.customer)).toEqual(['a', 'b']);
    expect(bad.total).toBe(0);
  });

  it('reads semicolon-separated European exports (papaparse detects the delimiter)', () => {
    const text = 'Kunde;Datum;Betrag\r\nk1;01.03.2024;"1.234,56"\r\nk2;02.03.2024;12,50 €\r\n';
    const { orders, bad } = importCsv(text);
    expect(bad.total).toBe(0);
    expect(orders).toEqual([
      { customer: 'k1', day: MARCH_1_2024, amount: 1234.56 },
      { customer: 'k2', day: MARCH_1_2024 + 1, amount: 12.5 },
    ]);
  });
});

describe('files that are not CSV', () => {
  /** Bytes from a seeded generator, decoded as UTF-8 the way the browser decodes a file. */
  function randomText(seed: number, length: number): string {
    const random = mulberry32(seed);
    const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
    return new TextDecoder().decode(bytes);
  }

  it('says a binary file is not a CSV', () => {
    expect(notCsvReason(randomText(1, 4096))).toBe('not a CSV: the file holds binary data');
    expect(notCsvReason('PK\u0003\u0004\u0014\u0000\u0006\u0000')).toBe(
      'not a CSV: the file holds binary data',
    ); // .xlsx
    expect(notCsvReason('')).toBe('the file is empty');
    expect(notCsvReason(' \r\n ')).toBe('the file is empty');
  });

  it('does not mistake text for binary', () => {
    expect(notCsvReason('customer,date,amount\r\nc1,2024-03-01,23.50\r\n')).toBeNull();
    expect(notCsvReason('client;date;montant\tnoté\r\nÅsa;01.03.2024;12,50 €\n')).toBeNull();
  });

  it('reads random bytes, should the page go on anyway, as no orders and never crashes', () => {
    const { orders, bad } = importCsv(randomText(2, 20_000));
    expect(orders).toEqual([]);
    expect(bad.total).toBeGreaterThan(0);
  });

  it('never crashes, and every order it does accept is well formed, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        for (const order of importCsv(new TextDecoder().decode(bytes)).orders) {
          expect(order.customer.trim()).not.toBe('');
          expect(Number.isInteger(order.day)).toBe(true);
          expect(order.amount >= 0 && Number.isFinite(order.amount)).toBe(true);
        }
      }),
    );
  });
});
