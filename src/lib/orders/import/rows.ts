/**
 * Rows of an order export, checked one at a time as the parser hands them over: each becomes an
 * {@link Order} or a reason it was left out, and {@link BadRows} keeps the count of each reason and a few
 * examples to show, in memory that does not grow with the file.
 */

import { parseAmount } from './amounts';
import { checkDay, type DateFormat, type DateProblem } from './dates';

/** One accepted order: who, which day, how much. */
export interface Order {
  /** The customer's id as written (trimmed; an email compared in lower case). */
  readonly customer: string;
  /** Days since 1970-01-01 (see ./dates). */
  readonly day: number;
  /** Currency units, ≥ 0. */
  readonly amount: number;
}

/** Which column holds what, 0-based, and how many columns the header has. */
export interface ColumnMapping {
  readonly customer: number;
  readonly date: number;
  readonly amount: number;
  /** Fields in the header line: a row with more or fewer is shifted, so none of its values can be trusted. */
  readonly columns: number;
}

/** The outcome of {@link validateRow}. */
export type RowCheck =
  { readonly ok: true; readonly order: Order } | { readonly ok: false; readonly reason: string };

/** The longest customer id kept: longer ones are not ids, and would cost memory for every row. */
export const MAX_CUSTOMER_ID_LENGTH = 200;

/** Why a row was left out, as the page shows it. */
export const ROW_REASONS = {
  blank: 'blank line',
  columns: 'wrong number of columns',
  noCustomer: 'no customer id',
  longCustomer: `customer id longer than ${MAX_CUSTOMER_ID_LENGTH} characters`,
  noDate: 'no date',
  noAmount: 'no amount',
  notANumber: 'amount is not a number',
  negative: 'negative amount (a refund?)',
} as const;

const DATE_REASONS: Readonly<Record<DateProblem, (format: DateFormat) => string>> = {
  form: (format) => `date not in ${format} form`,
  'no-such-day': () => 'no such date (like 31 April)',
  'out-of-range': () => 'date before 1970 or after 2100',
};

/**
 * Why a date was not accepted, as the page shows it.
 * @example dateReason('form', 'DD/MM/YYYY') // 'date not in DD/MM/YYYY form'
 */
export function dateReason(problem: DateProblem, format: DateFormat): string {
  return DATE_REASONS[problem](format);
}

/**
 * The key a customer id is grouped by: trimmed, and in lower case when it is an email address, since mail
 * systems treat "Ann@Example.com" and "ann@example.com" as one mailbox. Other ids keep their case.
 * @example customerKey('  Ann@Example.com ') // 'ann@example.com'
 */
export function customerKey(text: string): string {
  const trimmed = text.trim();
  return trimmed.includes('@') ? trimmed.toLowerCase() : trimmed;
}

const fail = (reason: string): RowCheck => ({ ok: false, reason });

/**
 * One row of fields as an order, or the first reason it cannot be one, checked in this order: the
 * row's shape (a row of empty fields is a blank line), the customer, the date, the amount. A zero amount is an order (a free one); a negative one
 * is not (a refund), and neither is text in any of the three fields.
 * @example validateRow(['c1', '2024-03-01', '23.50'], { customer: 0, date: 1, amount: 2, columns: 3 },
 *   'YYYY-MM-DD') // { ok: true, order: { customer: 'c1', day: 19783, amount: 23.5 } }
 */
export function validateRow(
  fields: readonly string[],
  mapping: ColumnMapping,
  dateFormat: DateFormat,
): RowCheck {
  const blank = (): boolean => fields.every((field) => field.trim() === ''); // checked only on failure
  if (fields.length !== mapping.columns) return fail(blank() ? ROW_REASONS.blank : ROW_REASONS.columns);
  const customer = customerKey(fields[mapping.customer] ?? '');
  if (customer === '') return fail(blank() ? ROW_REASONS.blank : ROW_REASONS.noCustomer);
  if (customer.length > MAX_CUSTOMER_ID_LENGTH) return fail(ROW_REASONS.longCustomer);
  const dateText = fields[mapping.date] ?? '';
  if (dateText.trim() === '') return fail(ROW_REASONS.noDate);
  const date = checkDay(dateText, dateFormat);
  if (!date.ok) return fail(dateReason(date.problem, dateFormat));
  const amountText = fields[mapping.amount] ?? '';
  if (amountText.trim() === '') return fail(ROW_REASONS.noAmount);
  const amount = parseAmount(amountText);
  if (amount === null) return fail(ROW_REASONS.notANumber);
  if (amount < 0) return fail(ROW_REASONS.negative);
  return { ok: true, order: { customer, day: date.day, amount } };
}

/** A left-out row to show the person: where it is, why, and the start of what it says. */
export interface BadRowExample {
  /** 1-based; the header is line 1 (see {@link BadRows.add}). */
  readonly line: number;
  readonly reason: string;
  /** The row's fields joined by commas, cut to {@link BadRows.EXAMPLE_LENGTH} characters. */
  readonly text: string;
}

/** What {@link BadRows} collected, as plain data a Worker can post. */
export interface BadRowsSummary {
  readonly total: number;
  /** Each reason with its count, most frequent first. */
  readonly byReason: readonly { readonly reason: string; readonly count: number }[];
  /** The first {@link BadRows.MAX_EXAMPLES} left-out rows, in file order. */
  readonly examples: readonly BadRowExample[];
}

/**
 * Collects the rows left out of an import: a count per reason and the first few examples. Memory stays
 * bounded whatever the file: the reasons are a short fixed list, the examples at most
 * {@link BadRows.MAX_EXAMPLES} of at most {@link BadRows.EXAMPLE_LENGTH} characters.
 */
export class BadRows {
  /** Examples kept. */
  static readonly MAX_EXAMPLES = 10;
  /** Characters kept of an example's text. */
  static readonly EXAMPLE_LENGTH = 120;

  readonly #counts = new Map<string, number>();
  readonly #examples: BadRowExample[] = [];
  #total = 0;

  /**
   * Counts a left-out row.
   * @param line - its line in the file, 1-based with the header as line 1, so the n-th data row is line
   *   n + 1. (With line breaks inside quoted fields the parser's record count and the editor's line
   *   number part ways; the caller counts records.)
   * @param reason - why it was left out, e.g. one of {@link ROW_REASONS}
   * @param fields - the row, for the example
   * @param lines - how many lines this counts for (an order's line items left out together), shown once
   */
  add(line: number, reason: string, fields: readonly string[], lines = 1): void {
    this.#total += lines;
    this.#counts.set(reason, (this.#counts.get(reason) ?? 0) + lines);
    const examples = this.#examples;
    if (examples.length < BadRows.MAX_EXAMPLES) {
      examples.push({ line, reason, text: exampleText(fields) });
      return;
    }
    // A platform's orders are judged when the file ends, after lines further down were: keep the earliest.
    let latest = 0;
    for (let i = 1; i < examples.length; i++) if (examples[i]!.line > examples[latest]!.line) latest = i;
    if (line < examples[latest]!.line) examples[latest] = { line, reason, text: exampleText(fields) };
  }

  /** Rows left out so far. */
  get total(): number {
    return this.#total;
  }

  /** Everything collected, as plain data. */
  summary(): BadRowsSummary {
    const byReason = [...this.#counts]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    const examples = [...this.#examples].sort((a, b) => a.line - b.line);
    return { total: this.#total, byReason, examples };
  }
}

/** A row's fields as one short line of text, for an example. */
function exampleText(fields: readonly string[]): string {
  let text = '';
  for (const field of fields) {
    text += (text === '' ? '' : ',') + field;
    if (text.length > BadRows.EXAMPLE_LENGTH) break; // a huge row is not joined in full to be cut
  }
  return text.length > BadRows.EXAMPLE_LENGTH ? `${text.slice(0, BadRows.EXAMPLE_LENGTH - 1)}…` : text;
}

/** Share of odd characters above which a file is taken for binary (a spreadsheet saved as .xlsx, an image). */
export const BINARY_SHARE = 0.01;

/**
 * Why the start of a file is not a CSV text, or `null` when it may be one: empty, or binary (a NUL
 * character, or more than {@link BINARY_SHARE} of control characters other than tab and line breaks, or of
 * U+FFFD, which the decoder puts where bytes are not UTF-8).
 * @param sample - the file's first few kilobytes, decoded as UTF-8
 * @example notCsvReason('customer,date,amount\n') // null
 */
export function notCsvReason(sample: string): string | null {
  if (sample.trim() === '') return 'the file is empty';
  if (sample.includes('\u0000')) return 'not a CSV: the file holds binary data';
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  const odd = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return odd > sample.length * BINARY_SHARE ? 'not a CSV: the file holds binary data' : null;
}
