/**
 * A customer summary: one line per customer with the models' inputs already worked out, as a warehouse
 * query (public/sql/customer-summary.*.sql) writes them, so an owner whose orders live in a database needs
 * only this small file. The columns are those of ../shared/docs/models.md §4, as of one calibration end:
 *
 * - `customer_id`: the customer's id (kept, for per-customer forecasts);
 * - `frequency` = x, repeat purchase days (days with an order after the first; same-day orders are one);
 * - `recency_weeks` = tₓ, weeks from the first purchase to the last repeat purchase, 0 when x = 0;
 * - `age_weeks` = T, weeks from the first purchase to the calibration end;
 * - `monetary_value` = m̄ₓ, mean spend per repeat purchase day, 0 when x = 0.
 *
 * Weeks are days ÷ 7. Other columns may be present and are ignored. Each line is checked against those
 * definitions, and one that breaks them is reported with its reason, never fed to the models.
 */
import { normaliseHeader } from '../import/columns';
import { MAX_CUSTOMER_ID_LENGTH } from '../import/rows';
import type { BgnbdInput, GammaGammaInput } from './history';

/** The header a customer summary has, in this order when written by the shipped queries. */
export const CUSTOMER_SUMMARY_HEADER = [
  'customer_id',
  'frequency',
  'recency_weeks',
  'age_weeks',
  'monetary_value',
] as const;

/** Where each of the summary's columns is, 0-based, and how many columns a line has. */
export interface SummaryColumns {
  readonly customer: number;
  readonly frequency: number;
  readonly recency: number;
  readonly age: number;
  readonly monetary: number;
  readonly columns: number;
}

/**
 * The summary's columns when the header has all five (in any order and case, among others), else null.
 * @example recogniseCustomerSummary(['customer_id', 'frequency', 'recency_weeks', 'age_weeks',
 *   'monetary_value'])?.age // 3
 */
export function recogniseCustomerSummary(headers: readonly string[]): SummaryColumns | null {
  const normalised = headers.map(normaliseHeader);
  const [customer, frequency, recency, age, monetary] = CUSTOMER_SUMMARY_HEADER.map((name) =>
    normalised.indexOf(normaliseHeader(name)),
  );
  if (customer === undefined || frequency === undefined || recency === undefined) return null;
  if (age === undefined || monetary === undefined) return null;
  if (Math.min(customer, frequency, recency, age, monetary) < 0) return null;
  return { customer, frequency, recency, age, monetary, columns: headers.length };
}

/** Why a summary line was not read, as the page shows it. */
export const SUMMARY_REASONS = {
  columns: 'wrong number of columns',
  noCustomer: 'no customer id',
  longCustomer: `customer id longer than ${MAX_CUSTOMER_ID_LENGTH} characters`,
  duplicate: 'customer id already on an earlier line',
  frequency: 'frequency is not a whole number, 0 or more',
  recency: 'recency_weeks is not a number, 0 or more',
  age: 'age_weeks is not a number, 0 or more',
  recencyAfterAge: 'recency_weeks is more than age_weeks',
  recencyWithoutRepeat: 'recency_weeks is not 0 for a customer with no repeat purchase',
  monetary: 'monetary_value is not a number, 0 or more',
  monetaryWithoutRepeat: 'monetary_value is not 0 for a customer with no repeat purchase',
} as const;

/** One customer's line, read. */
export interface SummaryCustomer {
  readonly customer: string;
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly mx: number;
}

/** The outcome of {@link readSummaryLine}. */
export type SummaryLineCheck =
  { readonly ok: true; readonly value: SummaryCustomer } | { readonly ok: false; readonly reason: string };

/** A plain decimal as databases write one: "3", "-0.5", "1.5714285714285714", "2.5e-7". */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A field as a finite number, or null when it is not one. */
function decimal(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

const fail = (reason: string): SummaryLineCheck => ({ ok: false, reason });

/**
 * One line of a summary as a customer, or the first rule it breaks (§4: x a whole number ≥ 0,
 * 0 ≤ tₓ ≤ T, m̄ₓ ≥ 0, and tₓ = m̄ₓ = 0 when x = 0). Duplicates are found by the caller, which sees every id.
 * @example readSummaryLine(['c1', '2', '3.5', '10', '24.5'], columns)
 *   // { ok: true, value: { customer: 'c1', x: 2, tx: 3.5, T: 10, mx: 24.5 } }
 */
export function readSummaryLine(fields: readonly string[], columns: SummaryColumns): SummaryLineCheck {
  if (fields.length !== columns.columns) return fail(SUMMARY_REASONS.columns);
  const customer = (fields[columns.customer] ?? '').trim();
  if (customer === '') return fail(SUMMARY_REASONS.noCustomer);
  if (customer.length > MAX_CUSTOMER_ID_LENGTH) return fail(SUMMARY_REASONS.longCustomer);
  const x = decimal(fields[columns.frequency] ?? '');
  if (x === null || x < 0 || !Number.isInteger(x)) return fail(SUMMARY_REASONS.frequency);
  const tx = decimal(fields[columns.recency] ?? '');
  if (tx === null || tx < 0) return fail(SUMMARY_REASONS.recency);
  const T = decimal(fields[columns.age] ?? '');
  if (T === null || T < 0) return fail(SUMMARY_REASONS.age);
  if (tx > T) return fail(SUMMARY_REASONS.recencyAfterAge);
  const mx = decimal(fields[columns.monetary] ?? '');
  if (mx === null || mx < 0) return fail(SUMMARY_REASONS.monetary);
  if (x === 0 && tx !== 0) return fail(SUMMARY_REASONS.recencyWithoutRepeat);
  if (x === 0 && mx !== 0) return fail(SUMMARY_REASONS.monetaryWithoutRepeat);
  return { ok: true, value: { customer, x, tx, T, mx } };
}

/** What a summary tells about the customers, without single orders. */
export interface CustomerSummaryFigures {
  readonly customers: number;
  /** Customers with a repeat purchase day (x ≥ 1). */
  readonly repeatBuyers: number;
  /** repeatBuyers ÷ customers, 0..1. */
  readonly repeatPurchaseRate: number;
  /** Σ (x + 1): every customer's purchase days, the first included. */
  readonly purchaseDays: number;
  /** Σ x. */
  readonly repeatPurchaseDays: number;
  /** Σ x m̄ₓ ÷ Σ x: spend per repeat purchase day, currency; null with no repeat purchase. */
  readonly averageRepeatValue: number | null;
  /** The largest T: weeks from the earliest first purchase to the calibration end. */
  readonly longestAgeWeeks: number;
  /** Mean T, weeks. */
  readonly meanAgeWeeks: number;
}

/** A summary read in full: its figures and the models' inputs, one per customer, ids kept. */
export interface CustomerSummaryResult {
  readonly figures: CustomerSummaryFigures;
  readonly bgnbd: readonly BgnbdInput[];
  /** Repeat buyers with positive spend, as the order history leaves them (see history.ts). */
  readonly gammaGamma: readonly GammaGammaInput[];
  /**
   * What a purchase is valued at when the spend model cannot be fitted: the spend per repeat purchase day,
   * since a summary does not have the first purchases' amounts; 0 without one.
   */
  readonly averageOrderValue: number;
}

/** A copy of a string that shares no memory with the chunk it was cut from (see history.ts). */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * Customers of a summary as they are read, each id once. {@link add} returns false for an id already
 * seen (the caller reports the line); {@link result} sums them up, or null when none was read.
 */
export class CustomerSummaryLog {
  readonly #ids = new Set<string>();
  readonly #bgnbd: BgnbdInput[] = [];
  readonly #gammaGamma: GammaGammaInput[] = [];
  #repeatBuyers = 0;
  #repeatDays = 0;
  #repeatSpend = 0;
  #ageSum = 0;
  #longestAge = 0;

  get customers(): number {
    return this.#bgnbd.length;
  }

  add({ customer, x, tx, T, mx }: SummaryCustomer): boolean {
    if (this.#ids.has(customer)) return false;
    const id = detached(customer);
    this.#ids.add(id);
    this.#bgnbd.push({ customer: id, x, tx, T });
    // As the order history does: the spend model takes repeat buyers whose repeat purchases cost something.
    if (x > 0 && mx > 0) this.#gammaGamma.push({ customer: id, x, mx });
    if (x > 0) this.#repeatBuyers++;
    this.#repeatDays += x;
    this.#repeatSpend += x * mx;
    this.#ageSum += T;
    if (T > this.#longestAge) this.#longestAge = T;
    return true;
  }

  result(): CustomerSummaryResult | null {
    const customers = this.#bgnbd.length;
    if (customers === 0) return null;
    const averageRepeatValue = this.#repeatDays > 0 ? this.#repeatSpend / this.#repeatDays : null;
    return {
      figures: {
        customers,
        repeatBuyers: this.#repeatBuyers,
        repeatPurchaseRate: this.#repeatBuyers / customers,
        purchaseDays: customers + this.#repeatDays,
        repeatPurchaseDays: this.#repeatDays,
        averageRepeatValue,
        longestAgeWeeks: this.#longestAge,
        meanAgeWeeks: this.#ageSum / customers,
      },
      bgnbd: this.#bgnbd,
      gammaGamma: this.#gammaGamma,
      averageOrderValue: averageRepeatValue ?? 0,
    };
  }
}

/** The kind of file, as the page names it. */
export const CUSTOMER_SUMMARY_TITLE = 'A customer summary, one line per customer';

/** The history figures that need single orders, and why a summary cannot give them, as the page says. */
export const NOT_FROM_A_SUMMARY: readonly { readonly figure: string; readonly why: string }[] = [
  {
    figure: 'Orders, revenue and the average order value',
    why: 'a summary counts purchase days, not orders, and keeps no first purchase’s amount',
  },
  {
    figure: 'Orders per customer per year and annual retention',
    why: 'they need the date of every order, to see who bought in which year',
  },
  {
    figure: 'Cohorts, retention by age and revenue per customer by age',
    why: 'they group customers by the month of their first order and follow each order after it; a summary has no dates',
  },
];
