/**
 * The customer table's columns: their headings, how each cell reads, and the row orders for sorting and
 * searching, all from the typed-array table. The page renders only the rows on screen from these.
 */
import { formatMoney, formatNumber, formatPercent } from '../../format';
import type { CurrencyCode } from '../../currency';
import { formatDay } from '../import/dates';
import { customerId, type CustomerForecasts } from './customers';
import { CUSTOMER_CSV_COLUMNS } from './csv';
import { SEGMENTS } from './segments';

export type ColumnKey = (typeof CUSTOMER_CSV_COLUMNS)[number];

/** What the table shows where a customer summary has no order facts. */
export const NOT_IN_SUMMARY = 'not in a summary';

export interface Column {
  readonly key: ColumnKey;
  /** The heading, short enough for a narrow screen. */
  readonly heading: string;
  /** What the column means, for the heading's description. */
  readonly meaning: string;
  /** True for text columns, which sort A to Z first; numbers sort largest first. */
  readonly text?: boolean;
}

export const COLUMNS: readonly Column[] = [
  { key: 'customer', heading: 'Customer', meaning: 'the id in your file', text: true },
  { key: 'orders', heading: 'Orders', meaning: 'orders up to the calibration end' },
  { key: 'first_order', heading: 'First order', meaning: 'day of the first order', text: true },
  {
    key: 'last_order',
    heading: 'Last order',
    meaning: 'last order day up to the calibration end',
    text: true,
  },
  { key: 'total_spend', heading: 'Total spend', meaning: 'spend up to the calibration end' },
  { key: 'frequency', heading: 'x', meaning: 'repeat purchase days' },
  { key: 'recency_weeks', heading: 'tₓ (weeks)', meaning: 'weeks from the first to the last purchase day' },
  {
    key: 'age_weeks',
    heading: 'T (weeks)',
    meaning: 'weeks from the first purchase day to the calibration end',
  },
  { key: 'p_alive', heading: 'Chance still buying', meaning: 'p_alive' },
  {
    key: 'expected_orders',
    heading: 'Expected orders',
    meaning: 'repeat purchase days expected over the horizon',
  },
  {
    key: 'expected_order_value',
    heading: 'Expected order value',
    meaning: 'the spend model’s mean for this customer’s future orders',
  },
  {
    key: 'predicted_value',
    heading: 'Predicted value',
    meaning: 'discounted margin over the horizon',
  },
  { key: 'segment', heading: 'Segment', meaning: 'see the rules below the table', text: true },
];

/** The numbers a column sorts by; null for the id, which sorts as text. */
function sortValues(table: CustomerForecasts, key: ColumnKey): ArrayLike<number> | null {
  const { facts } = table;
  switch (key) {
    case 'customer':
      return null;
    case 'orders':
      return facts?.orders ?? table.frequency;
    case 'first_order':
      return facts?.firstDay ?? table.ageWeeks;
    case 'last_order':
      return facts?.lastDay ?? table.recencyWeeks;
    case 'total_spend':
      return facts?.totalSpend ?? table.frequency;
    case 'frequency':
      return table.frequency;
    case 'recency_weeks':
      return table.recencyWeeks;
    case 'age_weeks':
      return table.ageWeeks;
    case 'p_alive':
      return table.pAlive;
    case 'expected_orders':
      return table.expectedOrders;
    case 'expected_order_value':
      return table.expectedOrderValue;
    case 'predicted_value':
      return table.predictedValue;
    case 'segment':
      return table.segment;
  }
}

/**
 * The rows to show, in order: those whose id contains `search` (ignoring case; all when empty), sorted by
 * the column, ties by table order so a sort is stable.
 * @returns row indices into the table
 */
export function rowOrder(
  table: CustomerForecasts,
  key: ColumnKey,
  direction: 'ascending' | 'descending',
  search = '',
): Int32Array {
  const needle = search.trim().toLowerCase();
  let rows: Int32Array;
  if (needle === '') rows = Int32Array.from({ length: table.count }, (_, index) => index);
  else {
    const matches: number[] = [];
    for (let index = 0; index < table.count; index++)
      if (customerId(table, index).toLowerCase().includes(needle)) matches.push(index);
    rows = Int32Array.from(matches);
  }
  const sign = direction === 'ascending' ? 1 : -1;
  const values = sortValues(table, key);
  if (values === null) {
    const ids = Array.from(rows, (index) => customerId(table, index));
    const positions = Int32Array.from(rows.keys());
    positions.sort((a, b) => {
      const [left, right] = [ids[a]!, ids[b]!];
      return (left < right ? -sign : left > right ? sign : 0) || a - b;
    });
    return Int32Array.from(positions, (position) => rows[position]!);
  }
  return rows.sort((a, b) => sign * ((values[a] ?? 0) - (values[b] ?? 0)) || a - b);
}

/** How one cell reads on the page, in the reader's locale and the shop's currency. */
export function cellText(
  table: CustomerForecasts,
  index: number,
  key: ColumnKey,
  locale: string,
  currency: CurrencyCode,
): string {
  const { facts } = table;
  const money = (x: number) => formatMoney(x, currency, locale);
  switch (key) {
    case 'customer':
      return customerId(table, index);
    case 'orders':
      return facts ? formatNumber(facts.orders[index] ?? 0, locale, 0) : NOT_IN_SUMMARY;
    case 'first_order':
      return facts ? formatDay(facts.firstDay[index] ?? 0) : NOT_IN_SUMMARY;
    case 'last_order':
      return facts ? formatDay(facts.lastDay[index] ?? 0) : NOT_IN_SUMMARY;
    case 'total_spend':
      return facts ? money(facts.totalSpend[index] ?? 0) : NOT_IN_SUMMARY;
    case 'frequency':
      return formatNumber(table.frequency[index] ?? 0, locale, 0);
    case 'recency_weeks':
      return formatNumber(table.recencyWeeks[index] ?? 0, locale, 1);
    case 'age_weeks':
      return formatNumber(table.ageWeeks[index] ?? 0, locale, 1);
    case 'p_alive':
      return formatPercent(100 * (table.pAlive[index] ?? 0), locale, 1);
    case 'expected_orders':
      return formatNumber(table.expectedOrders[index] ?? 0, locale, 2);
    case 'expected_order_value':
      return money(table.expectedOrderValue[index] ?? 0);
    case 'predicted_value':
      return money(table.predictedValue[index] ?? 0);
    case 'segment':
      return SEGMENTS[table.segment[index] ?? 0]?.label ?? '';
  }
}
