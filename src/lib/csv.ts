/**
 * CSV export of the calculators' year-by-year tables, RFC 4180 style:
 *
 * - fields separated by commas, records by CRLF, and the last record ends with CRLF too;
 * - a field is quoted when it contains a comma, a double quote, a CR or an LF; quotes inside are doubled;
 * - the first record is the header, one field per column.
 *
 * Numbers are written plainly for spreadsheets (see `csvNumber`): no grouping, a full stop for the decimal
 * point, no currency symbol or percent sign; the unit is in the column's header instead. The precision is
 * decided per kind of value by the callers below: years as whole numbers, percentages with up to 4
 * decimals, money with 2, counts of customers and orders with up to 4.
 *
 * Formula injection: spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some also one that
 * starts with a tab or CR) as a formula. A text cell that starts with one of those characters therefore gets
 * a leading apostrophe, which spreadsheets show as text — except when the whole cell is a plain formatted
 * number as Intl writes one in any locale, such as "-$5.00", "-5,00 €", "-US$1,234", "-12.5%" or
 * "-1 234,50 zł" (see SIGNED_PLAIN_NUMBER). Such a cell holds nothing a spreadsheet could run, and negative
 * money is ordinary in these tables; the unit tests check every supported currency in some ninety locales.
 * Number cells (`number` values) are never prefixed: they are written as JavaScript prints them, which is
 * only ever digits, one decimal point and a leading minus (never an exponent, never "-0").
 */
import type { CurrencyCode } from './currency';
import type { TableModel } from './table';
import type { SaleVsCustomerResults } from './sale-vs-customer/model';
import type { RetentionResults } from './retention-vs-acquisition/model';

/** One CSV field: text, a number, or `null` for an empty field (a year a scenario does not reach). */
export type CsvCell = string | number | null;

/** A table as plain values, ready for `rowsToCsv`. */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

const CRLF = '\r\n';

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Pieces of a number as Intl writes it in any locale and currency. */
const SPACE = '[ \\u00a0\\u202f]';
/** Characters of a currency or percent affix: "$", "US$", "CN¥", "zł", "kr.", "щ.д.", "元", "%". */
const AFFIX_CHAR = '[\\p{L}\\p{Sc}%.]';
/** One or two words of affix: "CHF", "$ US". */
const AFFIX = `${AFFIX_CHAR}{1,6}(?:${SPACE}${AFFIX_CHAR}{1,6})?`;
/** Before the digits: an affix and a space, or one glued to them through a symbol ("$", "US$", "%"). */
const BEFORE = `(?:${AFFIX}${SPACE}|${AFFIX_CHAR}{0,5}[\\p{Sc}%]${SPACE}?)`;
/** After the digits: a space and an affix, or one glued to them through a symbol ("€", "$US", "%"). */
const AFTER = `(?:${SPACE}${AFFIX}|[\\p{Sc}%]${AFFIX_CHAR}{0,5}(?:${SPACE}${AFFIX_CHAR}{1,6})?)`;
/** Digits of any script, with the grouping and decimal separators of any locale. */
const DIGITS = "\\p{Nd}[\\p{Nd}.,'\\u2019\\u066b\\u066c\\u00a0\\u202f]*";

/**
 * A plain formatted number with a leading sign, as Intl writes money, percentages and numbers in any
 * locale: the sign, an optional currency or percent sign before the digits, digits with grouping and
 * decimal separators, an optional currency or percent sign after them. Letters touch the digits only
 * through a symbol or a space, and nothing else may appear: no parenthesis, operator, quote, "!" or "|", so
 * a spreadsheet can find no function call, external link or cell reference in such a cell.
 */
const SIGNED_PLAIN_NUMBER = new RegExp(`^[-+]${SPACE}?${BEFORE}?${DIGITS}${AFTER}?$`, 'u');

/** Whether a text cell needs the apostrophe that stops a spreadsheet from running it as a formula. */
export function needsFormulaGuard(text: string): boolean {
  return FORMULA_START.test(text) && !SIGNED_PLAIN_NUMBER.test(text);
}

/** A text field, guarded against formula injection and quoted when RFC 4180 requires it. */
function textField(text: string): string {
  const guarded = needsFormulaGuard(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/**
 * A number as a CSV field: rounded to at most `maxDecimals` decimals, trailing zeros dropped, never an
 * exponent, never "-0".
 *
 * @example csvNumber(1234.5678, 2) // "1234.57"
 * @example csvNumber(-0.001, 2)    // "0"
 */
export function csvNumber(value: number, maxDecimals: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot write a number that is not finite: ${value}`);
  // toFixed writes an exponent from 1e21 up; Intl never does.
  const fixed =
    Math.abs(value) < 1e21
      ? value.toFixed(maxDecimals)
      : new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 0 }).format(value);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A number exactly as JavaScript would print it, minus exponents and "-0". */
function numberField(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot write a number that is not finite: ${value}`);
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  return /e/i.test(text)
    ? new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 }).format(value)
    : text;
}

function field(cell: CsvCell): string {
  if (cell === null) return '';
  // Numbers reach here already rounded by the table builders (with csvNumber's rules or Number(toFixed)).
  if (typeof cell === 'number') return numberField(cell);
  return textField(cell);
}

/** A header row and rows of values as CSV text (see the module comment for the rules). */
export function rowsToCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [columns, ...rows].map((row) => row.map(field).join(','));
  return lines.join(CRLF) + CRLF;
}

/** A formatted table (the text the page shows) as CSV, header from its column labels. */
export function tableToCsv(table: TableModel): string {
  return rowsToCsv(
    table.columns.map((column) => column.label),
    table.rows,
  );
}

/**
 * The file name for an export: the calculator's name and the local date, e.g.
 * `sale-vs-customer-2026-11-22.csv`.
 */
export function exportFileName(calculator: string, date: Date, extension: string): string {
  const slug =
    calculator
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'calculator';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${slug}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}

/** The CSV file name, e.g. `sale-vs-customer-2026-11-22.csv`. */
export function csvFileName(calculator: string, date: Date): string {
  return exportFileName(calculator, date, 'csv');
}

// ---------- The calculators' year tables as raw numbers ----------
// The same rows and columns as `saleVsCustomerTable` and `retentionTable` (so a CSV row is a row of the
// table on the page), with numbers instead of formatted text and units in the headers.

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));
const money = (value: number) => round(value, 2);
const percent = (fraction: number) => round(100 * fraction, 4);
const count = (value: number) => round(value, 4);

/** Sale vs Customer's year table; with a scenario B, B's running total is added as the last column. */
export function saleVsCustomerCsv(
  results: SaleVsCustomerResults,
  currency: CurrencyCode,
  scenarioB?: SaleVsCustomerResults,
): CsvTable {
  const horizon = Math.max(results.rows.length, scenarioB?.rows.length ?? 0);
  return {
    columns: [
      'Year',
      'Chance still buying (%)',
      'Expected orders',
      `Margin at face value (${currency})`,
      `Value in today’s money (${currency})`,
      scenarioB ? `Running total, scenario A (${currency})` : `Running total (${currency})`,
      ...(scenarioB ? [`Running total, scenario B (${currency})`] : []),
    ],
    rows: Array.from({ length: horizon }, (_, index) => {
      const row = results.rows[index];
      const rowB = scenarioB?.rows[index];
      return [
        index + 1,
        ...(row
          ? [
              percent(row.chanceActive),
              count(row.orders),
              money(row.margin),
              money(row.discountedValue),
              money(row.runningTotal),
            ]
          : [null, null, null, null, null]),
        ...(scenarioB ? [rowB ? money(rowB.runningTotal) : null] : []),
      ];
    }),
  };
}

/** Retention vs Acquisition's table of today's customers still buying; B's "with" column last. */
export function retentionCsv(results: RetentionResults, scenarioB?: RetentionResults): CsvTable {
  const horizon = Math.max(results.rows.length, scenarioB?.rows.length ?? 0);
  return {
    columns: [
      'Year',
      'Without the programme (customers)',
      'With the programme (customers)',
      'Kept by the programme (customers)',
      ...(scenarioB ? ['With the programme, scenario B (customers)'] : []),
    ],
    rows: Array.from({ length: horizon }, (_, year) => {
      const row = results.rows[year];
      const rowB = scenarioB?.rows[year];
      return [
        year,
        ...(row
          ? [
              count(row.remaining),
              count(row.remainingWithProgram),
              count(row.remainingWithProgram - row.remaining),
            ]
          : [null, null, null]),
        ...(scenarioB ? [rowB ? count(rowB.remainingWithProgram) : null] : []),
      ];
    }),
  };
}
