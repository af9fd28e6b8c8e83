import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvFileName,
  csvNumber,
  exportFileName,
  needsFormulaGuard,
  retentionCsv,
  rowsToCsv,
  saleVsCustomerCsv,
  tableToCsv,
} from '../../src/lib/csv';
import { SUPPORTED_CURRENCIES } from '../../src/lib/currency';
import { formatMoney, formatNumber, formatPercent } from '../../src/lib/format';
import { computeSaleVsCustomer } from '../../src/lib/sale-vs-customer/model';
import { saleVsCustomerTable } from '../../src/lib/sale-vs-customer/table';
import { computeRetention } from '../../src/lib/retention-vs-acquisition/model';
import { retentionTable } from '../../src/lib/retention-vs-acquisition/chart';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; fails on anything else. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  if (!text.endsWith('\r\n')) throw new Error('the last record must end with CRLF');
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i += 1;
            break;
          }
        } else {
          value += text[i];
          i += 1;
        }
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        value += text[i];
        i += 1;
      }
    }
    record.push(value);
    if (text[i] === ',') {
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  return records;
}

describe('rowsToCsv', () => {
  it('writes a header, comma-separated fields and CRLF line ends', () => {
    expect(
      rowsToCsv(
        ['Year', 'Total'],
        [
          [1, 12.5],
          [2, 30],
        ],
      ),
    ).toBe('Year,Total\r\n1,12.5\r\n2,30\r\n');
  });

  it('quotes fields with a comma, a quote, a CR or an LF, doubling quotes', () => {
    expect(rowsToCsv(['a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', 'plain'], [])).toBe(
      '"a,b","say ""hi""","line\nbreak","cr\rhere",plain\r\n',
    );
  });

  it('writes null as an empty field and numbers without exponent, grouping or -0', () => {
    expect(rowsToCsv(['x'], [[null], [-0], [1e-7], [1234567.891], [-5.25]])).toBe(
      'x\r\n\r\n0\r\n0.0000001\r\n1234567.891\r\n-5.25\r\n',
    );
  });

  it('refuses a number that is not finite', () => {
    expect(() => rowsToCsv(['x'], [[Number.NaN]])).toThrow(RangeError);
    expect(() => rowsToCsv(['x'], [[Infinity]])).toThrow(RangeError);
  });

  it('reads back as the same text, whatever the text (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', '1', '€', 'é') });
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(cell)),
        (columns, raw) => {
          const rows = raw.map((row) => columns.map((_, index) => row[index] ?? ''));
          const parsed = parseCsv(rowsToCsv(columns, rows));
          // Text that could start a formula is the only text changed, by one leading apostrophe.
          const expected = [columns, ...rows].map((row) =>
            row.map((text) => (needsFormulaGuard(text) ? `'${text}` : text)),
          );
          expect(parsed).toEqual(expected);
        },
      ),
    );
  });
});

describe('formula injection', () => {
  it.each([
    '=1+1',
    '=HYPERLINK("http://x","y")',
    '+1+1',
    '-1+1',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '-A1',
    '-CHF5',
    '-1E5',
    '-5USD',
    '-1 2',
    '-SUM(A1)',
    '-1|cmd',
    '-1!A1',
    '-zł5',
  ])('prefixes %j with an apostrophe', (text) => {
    expect(needsFormulaGuard(text)).toBe(true);
    expect(parseCsv(rowsToCsv([text], []))[0]).toEqual([`'${text}`]);
  });

  it.each([
    '-$5.00',
    '-5',
    '+3',
    '-1,234.50',
    '-5,00 €',
    '-US$1,234',
    '-12.5%',
    '-1\u202f234,5\u00a0€',
    '-PLN\u00a00.01',
    '-1\u202f234,50\u00a0$US',
    '-1234,50 USD',
    '-R$\u00a01.234,50',
    '-CHF 5.00',
    '-元 1,234.50',
    '-1234,50\u00a0zł',
    '-CN¥0.01',
    '-HK$1,234',
  ])('leaves the plain formatted number %j alone', (text) => {
    expect(needsFormulaGuard(text)).toBe(false);
  });

  it('never guards text that starts with anything else', () => {
    expect(needsFormulaGuard('Year')).toBe(false);
    expect(needsFormulaGuard('$5.00')).toBe(false);
    expect(needsFormulaGuard('a=b')).toBe(false);
    expect(needsFormulaGuard('')).toBe(false);
  });

  it('never guards a negative amount of money as Intl writes it, in any supported currency (property)', () => {
    // Locales with every kind of digit, separator, currency placement and sign Intl has.
    const locales = Intl.NumberFormat.supportedLocalesOf(
      (
        'af am ar ar-EG az be bg bn bs ca cs cy da de de-AT de-CH el en en-AU en-CA en-GB en-IN en-NZ en-ZA es ' +
        'es-AR es-MX et eu fa fi fil fr fr-CA fr-CH ga gl gu he hi hr hu hy id is it ja ka kk km kn ko ky lo lt ' +
        'lv mk ml mn mr ms my nb ne nl nl-BE or pa pl pt pt-PT ro ru si sk sl sq sr sr-Latn sv sw ta te th tr ' +
        'uk ur uz vi zh zh-HK zh-TW zu'
      ).split(' '),
    );
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: -0.01, noNaN: true }),
        fc.constantFrom(...SUPPORTED_CURRENCIES),
        fc.constantFrom(...locales),
        (value, currency, locale) => {
          const text = formatMoney(value, currency, locale);
          if (/^[=+\-@]/.test(text)) expect(needsFormulaGuard(text)).toBe(false);
        },
      ),
    );
    for (const locale of locales) {
      for (const currency of SUPPORTED_CURRENCIES) {
        for (const value of [-0.01, -5, -1234.5, -987654321]) {
          const money = formatMoney(value, currency, locale);
          if (/^[=+\-@]/.test(money))
            expect(needsFormulaGuard(money), `${money} (${currency}, ${locale})`).toBe(false);
        }
      }
      const text = formatPercent(-12.3, locale);
      if (text.startsWith('-')) expect(needsFormulaGuard(text)).toBe(false);
      const number = formatNumber(-1234.5, locale);
      if (number.startsWith('-')) expect(needsFormulaGuard(number)).toBe(false);
    }
  });
});

describe('csvNumber', () => {
  it.each([
    [1234.5678, 2, '1234.57'],
    [12.5, 2, '12.5'],
    [12, 2, '12'],
    [-0.001, 2, '0'],
    [-0, 4, '0'],
    [60, 4, '60'],
    [21.60000000001, 4, '21.6'],
    [-5, 2, '-5'],
    [2e21, 2, '2000000000000000000000'],
  ])('csvNumber(%d, %d) is %j', (value, decimals, text) => {
    expect(csvNumber(value, decimals)).toBe(text);
  });
});

describe('file names', () => {
  it('names the file after the calculator and the local date', () => {
    expect(csvFileName('sale-vs-customer', new Date(2026, 10, 22, 23, 59))).toBe(
      'sale-vs-customer-2026-11-22.csv',
    );
    expect(exportFileName('Retention vs Acquisition', new Date(2027, 0, 5), 'png')).toBe(
      'retention-vs-acquisition-2027-01-05.png',
    );
    expect(csvFileName('', new Date(2026, 0, 1))).toBe('calculator-2026-01-01.csv');
  });
});

/** A number as the page writes it in en-US ("$1,234", "21.6%", "–" for none), or null. */
function pageNumber(text: string): number | null {
  const cleaned = text.replace(/[$,%\s]/g, '');
  return cleaned === '' || cleaned === '–' ? null : Number(cleaned);
}

/** Digits after the decimal point in what the page shows: the precision the page rounded to. */
function shownDecimals(text: string): number {
  return /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
}

/** Checks that every CSV row matches the formatted table's row, to the precision the table shows. */
function expectSameTable(
  csv: string,
  table: { rows: readonly (readonly string[])[]; columns: readonly unknown[] },
) {
  const [header, ...rows] = parseCsv(csv);
  expect(header).toHaveLength(table.columns.length);
  expect(rows).toHaveLength(table.rows.length);
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const shown = table.rows[r]?.[c] ?? '';
      const expected = pageNumber(shown);
      if (expected === null) {
        expect(cell).toBe('');
        return;
      }
      const tolerance = 0.5 * 10 ** -shownDecimals(shown) + 1e-9;
      expect(
        Math.abs(Number(cell) - expected),
        `row ${r + 1}, column ${c + 1}: ${cell} vs ${shown}`,
      ).toBeLessThanOrEqual(tolerance);
    });
  });
}

describe('the calculators’ year tables as CSV', () => {
  const sale = {
    aov: 60,
    margin: 40,
    freq: 4,
    retention: 60,
    discount: 10,
    years: 10,
    cac: 50,
    referrals: 0,
  };

  it('Sale vs Customer: one row per year, numbers matching the table on the page', () => {
    const results = computeSaleVsCustomer(sale);
    const csv = saleVsCustomerCsv(results, 'USD');
    const text = rowsToCsv(csv.columns, csv.rows);
    expect(text.split('\r\n')[0]).toBe(
      'Year,Chance still buying (%),Expected orders,Margin at face value (USD),Value in today’s money (USD),Running total (USD)',
    );
    expect(text.split('\r\n')[1]).toBe('1,100,4,96,96,96');
    expectSameTable(text, saleVsCustomerTable(results, 'USD', 'en-US'));
  });

  it('Sale vs Customer with scenario B: to the longer horizon, empty where a scenario stops', () => {
    const a = computeSaleVsCustomer({ ...sale, years: 3 });
    const b = computeSaleVsCustomer({ ...sale, years: 5, retention: 80 });
    const csv = saleVsCustomerCsv(a, 'EUR', b);
    expect(csv.columns).toHaveLength(7);
    expect(csv.rows).toHaveLength(5);
    expect(csv.rows[4]?.slice(1, 6)).toEqual([null, null, null, null, null]);
    const table = saleVsCustomerTable(a, 'EUR', 'en-US', b);
    if (table.columns.length === 7)
      expectSameTable(rowsToCsv(csv.columns, csv.rows), {
        ...table,
        rows: table.rows.map((row) => row.map((cell) => cell.replace('€', ''))),
      });
  });

  it('Retention vs Acquisition: years 0 to H, numbers matching the table on the page', () => {
    const inputs = {
      customers: 1000,
      churn: 30,
      churnWithProgram: 20,
      programCost: 15,
      cac: 150,
      yearlyMargin: 200,
      years: 5,
    };
    const results = computeRetention(inputs);
    const csv = retentionCsv(results);
    const text = rowsToCsv(csv.columns, csv.rows);
    expect(text.split('\r\n')[1]).toBe('0,1000,1000,0');
    expect(csv.rows).toHaveLength(6);
    expectSameTable(text, retentionTable(results, 'en-US'));
  });

  it('tableToCsv writes the formatted table, guarded where needed', () => {
    const text = tableToCsv({
      caption: 'c',
      columns: [
        { label: 'Year', numeric: true },
        { label: 'Net, after costs', numeric: true },
      ],
      rows: [
        ['1', '-$5.00'],
        ['2', '=cmd|"/c calc"!A1'],
      ],
    });
    expect(text).toBe('Year,"Net, after costs"\r\n1,-$5.00\r\n2,"\'=cmd|""/c calc""!A1"\r\n');
  });
});
