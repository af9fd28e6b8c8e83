/**
 * Stripe's subscriptions export (Dashboard → Billing → Subscriptions → Export) turned into monthly or
 * yearly cohorts for the sBG fit. Columns used, as the export names them: `Created (UTC)` (or `Start
 * (UTC)`/`Start Date (UTC)`), `Status`, `Ended At (UTC)`, `Canceled At (UTC)`, `Interval`; the same fields
 * are documented on the Subscription object, https://docs.stripe.com/api/subscriptions/object (`created`,
 * `start_date`, `status`, `ended_at`, `canceled_at`, `items.data.price.recurring.interval`), and snake_case
 * headers are accepted too. `canceled_at` is when the cancellation was asked for, which can be before the
 * paid period ends (cancel at period end), so `ended_at` is preferred.
 *
 * Every data line is accounted for: counted in a cohort, left out by a rule (with the reason), or unreadable.
 */

import { readAllRecords } from '../orders/import/records';
import type { BillingPeriod } from './model';

export const STRIPE_SUBSCRIPTIONS_FORMAT = 'A Stripe subscriptions export';

/** Statuses that mean the subscriber has paid at least once (Stripe's list: the Subscription object). */
const PAYING = new Set(['active', 'past_due', 'unpaid', 'canceled', 'cancelled']);
/** Statuses left out, with the reason the page shows. */
const LEFT_OUT_STATUS: Readonly<Record<string, string>> = {
  trialing: 'in a free trial (not paid yet)',
  incomplete: 'never paid (incomplete)',
  incomplete_expired: 'never paid (incomplete, expired)',
  paused: 'paused',
};

const HEADERS = {
  created: ['created (utc)', 'start date (utc)', 'start (utc)', 'created', 'start_date', 'created_at'],
  status: ['status'],
  ended: ['ended at (utc)', 'ended_at', 'ended at'],
  canceled: ['canceled at (utc)', 'canceled_at', 'canceled at', 'cancelled at (utc)'],
  interval: ['interval', 'plan interval', 'price interval'],
} as const;

export interface SubscriptionCohort {
  /** "2025-03" for monthly cohorts, "2025" for yearly. */
  label: string;
  series: number[];
}

export interface SubscriptionsImport {
  format: typeof STRIPE_SUBSCRIPTIONS_FORMAT;
  cohorts: SubscriptionCohort[];
  /** The date the counts run to: the latest date in the file (an export has no date of its own). */
  asOf: string;
  lines: number;
  countedLines: number;
  /** Left out by a rule: reason → lines. */
  excluded: Record<string, number>;
  unreadable: { line: number; reason: string }[];
}

type Columns = { [K in keyof typeof HEADERS]: number };

/** The column of each field, or null when the header is not a Stripe subscriptions export. */
export function recogniseStripeSubscriptions(headers: readonly string[]): Columns | null {
  const normalised = headers.map((header) => header.trim().toLowerCase());
  const find = (names: readonly string[]) => normalised.findIndex((header) => names.includes(header));
  const columns: Columns = {
    created: find(HEADERS.created),
    status: find(HEADERS.status),
    ended: find(HEADERS.ended),
    canceled: find(HEADERS.canceled),
    interval: find(HEADERS.interval),
  };
  const hasEnd = columns.ended >= 0 || columns.canceled >= 0;
  return columns.created >= 0 && columns.status >= 0 && hasEnd ? columns : null;
}

/** A civil date from the start of a Stripe timestamp ("2025-03-14 09:30:00" or "2025-03-14T09:30:00Z"). */
interface Civil {
  year: number;
  month: number;
  day: number;
}
const DATE_PREFIX =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function parseCivil(text: string): Civil | null {
  const match = DATE_PREFIX.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

const iso = ({ year, month, day }: Civil): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Whole billing periods from one date to a later one: months by the calendar (day of month counts). */
export function wholePeriodsBetween(from: Civil, to: Civil, period: BillingPeriod): number {
  const months = (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0);
  return Math.max(0, period === 'month' ? months : Math.floor(months / 12));
}

interface Member {
  start: Civil;
  /** Whole periods paid for and renewed (0 = left before the first renewal); null while still active. */
  renewals: number | null;
}

/**
 * Reads the export into cohorts of subscribers who started in the same month (or year) and bill by `period`.
 * @param asOfOverride - the date the counts run to (for tests); default the latest date in the file
 */
export function readStripeSubscriptions(
  text: string,
  period: BillingPeriod,
  asOfOverride?: string,
): SubscriptionsImport | null {
  const records = readAllRecords(text).filter(
    (record) => !(record.fields.length === 1 && record.fields[0] === ''),
  );
  const header = records[0];
  const columns = header ? recogniseStripeSubscriptions(header.fields) : null;
  if (!header || !columns) return null;

  const result: SubscriptionsImport = {
    format: STRIPE_SUBSCRIPTIONS_FORMAT,
    cohorts: [],
    asOf: '',
    lines: records.length - 1,
    countedLines: 0,
    excluded: {},
    unreadable: [],
  };
  const exclude = (reason: string) => (result.excluded[reason] = (result.excluded[reason] ?? 0) + 1);
  const members: { member: Member; end: Civil | null }[] = [];
  let latest: Civil | null = null;
  const later = (a: Civil | null, b: Civil): Civil => (a && iso(a) >= iso(b) ? a : b);

  for (const record of records.slice(1)) {
    const cell = (index: number) => (index >= 0 ? (record.fields[index] ?? '').trim() : '');
    if (record.broken) {
      result.unreadable.push({ line: record.line, reason: 'a quote is left open on this line' });
      continue;
    }
    const status = cell(columns.status).toLowerCase();
    if (status in LEFT_OUT_STATUS) {
      exclude(LEFT_OUT_STATUS[status]!);
      continue;
    }
    if (!PAYING.has(status)) {
      result.unreadable.push({
        line: record.line,
        reason: `the status “${cell(columns.status).slice(0, 30)}” is not one Stripe uses`,
      });
      continue;
    }
    const interval = cell(columns.interval).toLowerCase();
    if (interval !== '' && interval !== period) {
      exclude(`billed by the ${interval}, not by the ${period}`);
      continue;
    }
    const start = parseCivil(cell(columns.created));
    if (!start) {
      result.unreadable.push({ line: record.line, reason: 'no start date in the form 2025-03-14' });
      continue;
    }
    const endText = cell(columns.ended) || (status.startsWith('cancel') ? cell(columns.canceled) : '');
    const end = endText === '' ? null : parseCivil(endText);
    if (endText !== '' && !end) {
      result.unreadable.push({ line: record.line, reason: 'its end date is not in the form 2025-03-14' });
      continue;
    }
    if (status.startsWith('cancel') && !end) {
      result.unreadable.push({
        line: record.line,
        reason: 'cancelled, but with no end or cancellation date',
      });
      continue;
    }
    latest = later(latest, start);
    if (end) latest = later(latest, end);
    members.push({ member: { start, renewals: null }, end });
  }

  const asOf = (asOfOverride ? parseCivil(asOfOverride) : null) ?? latest;
  if (!asOf) return result;
  result.asOf = iso(asOf);

  const byCohort = new Map<string, Member[]>();
  for (const { member, end } of members) {
    // an end after the as-of date is a cancellation still to come: active until then
    if (end && iso(end) <= iso(asOf)) member.renewals = wholePeriodsBetween(member.start, end, period);
    const label = period === 'month' ? iso(member.start).slice(0, 7) : String(member.start.year);
    byCohort.set(label, [...(byCohort.get(label) ?? []), member]);
  }
  for (const label of [...byCohort.keys()].sort()) {
    const cohort = byCohort.get(label)!;
    // every member has been watched at least as long as the cohort's youngest
    const youngest = cohort.reduce((a, b) => (iso(a.start) >= iso(b.start) ? a : b));
    const k = Math.min(60, wholePeriodsBetween(youngest.start, asOf, period));
    if (k < 1) {
      for (let i = 0; i < cohort.length; i++)
        exclude('started less than one billing period before the last date in the file');
      continue;
    }
    const series = Array.from(
      { length: k + 1 },
      (_, t) => cohort.filter((member) => member.renewals === null || member.renewals >= t).length,
    );
    result.cohorts.push({ label, series });
    result.countedLines += cohort.length;
  }
  return result;
}
