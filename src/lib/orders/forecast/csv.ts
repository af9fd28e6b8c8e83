/**
 * The per-customer table and the follow-up list as CSV files, made in the browser (nothing is uploaded).
 * RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a line break,
 * quotes doubled. Numbers unrounded beyond 6 decimals, dates YYYY-MM-DD.
 */
import { formatDay } from '../import/dates';
import { customerId, type CustomerForecasts } from './customers';
import type { FollowUp } from './follow-up';
import { SEGMENTS } from './segments';

/** The customers file's columns, exactly as issue 12 names them. */
export const CUSTOMER_CSV_COLUMNS = [
  'customer',
  'orders',
  'first_order',
  'last_order',
  'total_spend',
  'frequency',
  'recency_weeks',
  'age_weeks',
  'p_alive',
  'expected_orders',
  'expected_order_value',
  'predicted_value',
  'segment',
] as const;

/** The follow-up file's columns. */
export const FOLLOW_UP_CSV_COLUMNS = [
  'rank',
  'customer',
  'value_at_stake',
  'p_alive',
  'purchases',
  'usual_gap_weeks',
  'weeks_since_last',
  'reason',
] as const;

/**
 * One text field: quoted when it holds a comma, a quote, a line break or edge spaces; and, so that a
 * spreadsheet never runs it as a formula, prefixed with ' when it starts with =, +, -, @, a tab or a CR.
 * @example csvText('a "b", c') // '"a ""b"", c"'
 * @example csvText('=1+1') // "'=1+1"
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A number, at most 6 decimals, never in exponent form for the sizes a shop has.
 * @example csvNumber(0.1234567) // '0.123457'
 * @example csvNumber(3) // '3'
 */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  return String(Number(value.toFixed(6)));
}

/** Rows written per string part: keeps the parts small for the Blob the worker makes. */
const ROWS_PER_PART = 5000;

/**
 * The customers file, in parts to join (or to give to a Blob), header first. Order facts that a customer
 * summary does not hold are left empty.
 */
export function customersCsvParts(table: CustomerForecasts): string[] {
  const parts = [`${CUSTOMER_CSV_COLUMNS.join(',')}\r\n`];
  const { facts } = table;
  let lines: string[] = [];
  for (let index = 0; index < table.count; index++) {
    lines.push(
      [
        csvText(customerId(table, index)),
        facts ? String(facts.orders[index] ?? 0) : '',
        facts ? formatDay(facts.firstDay[index] ?? 0) : '',
        facts ? formatDay(facts.lastDay[index] ?? 0) : '',
        facts ? csvNumber(facts.totalSpend[index] ?? 0) : '',
        String(table.frequency[index] ?? 0),
        csvNumber(table.recencyWeeks[index] ?? 0),
        csvNumber(table.ageWeeks[index] ?? 0),
        csvNumber(table.pAlive[index] ?? 0),
        csvNumber(table.expectedOrders[index] ?? 0),
        csvNumber(table.expectedOrderValue[index] ?? 0),
        csvNumber(table.predictedValue[index] ?? 0),
        csvText(SEGMENTS[table.segment[index] ?? 0]?.label ?? ''),
      ].join(','),
    );
    if (lines.length === ROWS_PER_PART) {
      parts.push(`${lines.join('\r\n')}\r\n`);
      lines = [];
    }
  }
  if (lines.length > 0) parts.push(`${lines.join('\r\n')}\r\n`);
  return parts;
}

/** The follow-up file, header first. */
export function followUpCsv(list: readonly FollowUp[]): string {
  const rows = list.map((entry, rank) =>
    [
      String(rank + 1),
      csvText(entry.customer),
      csvNumber(entry.valueAtStake),
      csvNumber(entry.pAlive),
      String(entry.purchases),
      csvNumber(entry.usualGapWeeks),
      csvNumber(entry.silentWeeks),
      csvText(entry.reason),
    ].join(','),
  );
  return [FOLLOW_UP_CSV_COLUMNS.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}
