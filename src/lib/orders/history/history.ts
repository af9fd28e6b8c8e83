/**
 * A shop's order history, accumulated one order at a time (millions of them, in any order), and summed up
 * into the owner's own numbers and the per-customer inputs of the BG/NBD and Gamma-Gamma models.
 *
 * What is kept, and why: every order's customer number, day and amount, in typed arrays (16 bytes an
 * order, never the rows' text), plus one map entry per customer id. Fewer facts would not do. Rows may
 * arrive in any order (exports are often newest first, or sorted by customer), and whether an order falls
 * on a day the customer already bought on, or before their first, is only known by keeping the days; and
 * the calibration end is chosen after the import, so counting repeat days up to it needs the days too.
 * {@link History.finish} then groups the orders by customer (a counting sort), sorts each customer's by
 * day and sums same-day orders into one transaction (12 more bytes a transaction, kept until the next
 * order arrives). A million orders from 200,000 customers take about 45 MB; per-customer arrays took
 * more than twice that, and three times as long to add.
 *
 * Definitions (all over the whole history, except the model inputs, which stop at the calibration end):
 *
 * - an order is an accepted row; a transaction is a customer's distinct order day;
 * - a customer's observed years run from their first order to the last order day of the history, counted
 *   as at least one year: {@link observedDays};
 * - orders per customer per year is all orders ÷ all customers' observed years;
 * - annual retention is measured over the last two years of the history: {@link retentionWindows};
 * - cohorts group customers by the calendar month or quarter of their first order; age 0 is that period.
 */

import { dayOfMonthStart, monthIndex } from '../import/dates';
import type { Order } from '../import/rows';

/** Days in an average Gregorian year, for years of exposure. */
export const DAYS_PER_YEAR = 365.25;
/** Days in a week, the BG/NBD inputs' unit. */
export const DAYS_PER_WEEK = 7;
/** Length of each of the two retention windows, days. */
export const RETENTION_WINDOW_DAYS = 365;
/** Ages (periods since the first order) shown per cohort: 10 years of months, 30 of quarters. */
export const MAX_COHORT_AGE = 120;

/** The calendar periods cohorts are grouped by. */
export type CohortPeriod = 'month' | 'quarter';

/** Options of {@link History.finish}. */
export interface FinishOptions {
  /** Day number the model inputs stop at; defaults to the last order day. */
  readonly calibrationEnd?: number;
  /** Cohort period; defaults to `'month'`. */
  readonly cohortPeriod?: CohortPeriod;
}

/** One customer's BG/NBD input, in weeks. */
export interface BgnbdInput {
  /** The customer's id as grouped (see customerKey), kept for per-customer forecasts. */
  readonly customer: string;
  /** Repeat transactions: distinct order days after the first, up to the calibration end. */
  readonly x: number;
  /** Weeks from the first order day to the last repeat day up to the calibration end; 0 when x = 0. */
  readonly tx: number;
  /** Weeks from the first order day to the calibration end. */
  readonly T: number;
}

/** One repeat buyer's Gamma-Gamma input. */
export interface GammaGammaInput {
  /** The customer's id, as in {@link BgnbdInput.customer}. */
  readonly customer: string;
  /** Repeat transactions up to the calibration end, ≥ 1. */
  readonly x: number;
  /** Their average value, currency units, > 0. */
  readonly mx: number;
}

/** An inclusive range of day numbers. */
export interface DayRange {
  readonly start: number;
  readonly end: number;
}

/** Measured annual retention, or why it cannot be measured. */
export type RetentionMeasure =
  | {
      /** activeInBoth ÷ activeInEarlier, a fraction 0..1. */
      readonly value: number;
      readonly earlier: DayRange;
      readonly later: DayRange;
      /** Customers with an order in the earlier window. */
      readonly activeInEarlier: number;
      /** Of those, the ones with an order in the later window too. */
      readonly activeInBoth: number;
    }
  | { readonly value: null; readonly reason: string };

/** The customers who first bought in one period, and what they did in each period since. */
export interface CohortRow {
  /** "2024-03" for a month, "2024-Q1" for a quarter. */
  readonly label: string;
  /** First day of the cohort's period (day number). */
  readonly start: number;
  /** Customers in the cohort. */
  readonly size: number;
  /** Customers with an order in period age 0, 1, 2…, up to the last period of the history. */
  readonly active: readonly number[];
  /** active ÷ size, per age; 1 at age 0. */
  readonly activeShare: readonly number[];
  /** Revenue of the cohort from age 0 up to each age, ÷ size: currency per customer. */
  readonly revenuePerCustomer: readonly number[];
}

/** Cohorts, oldest first. */
export interface CohortTable {
  readonly period: CohortPeriod;
  readonly rows: readonly CohortRow[];
  /** False when the history ends before the end of its last period, whose column is then short. */
  readonly lastPeriodComplete: boolean;
}

/** Average revenue per customer by cohort age, over every customer observed to that age. */
export interface ValueAtAge {
  /** Periods since the first order's period. */
  readonly age: number;
  /** Customers whose cohort has reached this age within the history. */
  readonly customers: number;
  /** Their revenue from age 0 up to this age, ÷ customers: currency per customer. */
  readonly revenuePerCustomer: number;
}

/** The owner's own numbers, from the whole history, and the model inputs up to the calibration end. */
export interface HistorySummary {
  readonly customers: number;
  /** Accepted rows. */
  readonly orders: number;
  /** Distinct customer-days. */
  readonly transactions: number;
  /** Sum of the orders' amounts, currency units. */
  readonly revenue: number;
  /** revenue ÷ orders. */
  readonly averageOrderValue: number;
  /** orders ÷ Σ {@link observedYears}. */
  readonly ordersPerCustomerPerYear: number;
  /** Share of customers with two or more distinct order days, 0..1. */
  readonly repeatPurchaseRate: number;
  readonly annualRetention: RetentionMeasure;
  readonly firstDay: number;
  readonly lastDay: number;
  /** Days the history covers, both ends counted: lastDay − firstDay + 1. */
  readonly spanDays: number;
  /** The day the model inputs stop at. */
  readonly calibrationEnd: number;
  readonly cohorts: CohortTable;
  readonly historicalValueByAge: readonly ValueAtAge[];
  /** One per customer whose first order is on or before the calibration end. */
  readonly bgnbd: readonly BgnbdInput[];
  /** One per customer with a repeat transaction by the calibration end, and a positive average value. */
  readonly gammaGamma: readonly GammaGammaInput[];
  /**
   * Of the customers who first bought in the earlier retention window, the share who bought again in the
   * later one: new customers' repeat rate, as Sale vs Customer asks for it.
   */
  readonly newCustomerRetention?: RetentionMeasure;
  /** Per-customer order facts up to the calibration end, aligned with {@link bgnbd}; absent for summaries. */
  readonly customerFacts?: CustomerFacts;
}

/**
 * What the order history knows of each customer first seen by the calibration end, entry i belonging to
 * `bgnbd[i]`: the facts the per-customer table shows, and what happened after the calibration end.
 */
export interface CustomerFacts {
  /** Orders (rows) up to the calibration end. */
  readonly orders: Int32Array;
  /** First order day (day number). */
  readonly firstDay: Int32Array;
  /** Last order day up to the calibration end. */
  readonly lastDay: Int32Array;
  /** Spend up to the calibration end, currency units. */
  readonly totalSpend: Float64Array;
  /** Mean spend per repeat purchase day up to the calibration end (m̄ₓ); 0 when x = 0. */
  readonly repeatSpend: Float64Array;
  /** Repeat purchase days after the calibration end, up to the last order day. */
  readonly holdoutRepeats: Int32Array;
  /** These customers' repeat purchase days by week of the history (week 0 starts on its first day). */
  readonly repeatsByWeek: Float64Array;
}

/** The accumulator returned by {@link createHistory}. */
export interface History {
  /** Adds one order; same customer and day as an earlier one makes it part of that transaction. */
  add(order: Order): void;
  /** Orders added so far. */
  readonly orders: number;
  /** Distinct customers so far. */
  readonly customers: number;
  /**
   * The summary of everything added so far; may be called again (with other options, or after more
   * orders). `null` when no order was added.
   * @throws RangeError when calibrationEnd is not a whole number
   */
  finish(options?: FinishOptions): HistorySummary | null;
}

/** A list of numbers read by index: an array or a typed array. */
type Numbers = ArrayLike<number>;

/**
 * The first index whose value is ≥ `value` in an ascending list (the list's length when none is).
 * @example lowerBound([3, 5, 5, 9], 5) // 1
 */
export function lowerBound(sorted: Numbers, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? Infinity) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A customer's observed time in days: from the first order day to the end of the history, at least a
 * year, so a customer who arrived last week counts as a year with their one order, not as a week with one
 * order (which would be 52 orders a year). The calculators' year 1 is likewise the year of the first
 * purchase. In days, so the sum over customers is exact (whole days or 365.25) and does not depend on
 * the order customers are added in.
 * @example observedDays(0, 1461) // 1461
 * @example observedDays(0, 30) // 365.25
 */
export function observedDays(firstDay: number, endDay: number): number {
  return Math.max(DAYS_PER_YEAR, endDay - firstDay);
}

/**
 * {@link observedDays} in years.
 * @example observedYears(0, 1461) // 4 = 1461 / 365.25
 * @example observedYears(0, 30) // 1
 */
export function observedYears(firstDay: number, endDay: number): number {
  return observedDays(firstDay, endDay) / DAYS_PER_YEAR;
}

/**
 * The two windows annual retention compares, ending on the history's last day: the later one is its last
 * 365 days, the earlier one the 365 days before. Retention is the share of customers with an order in the
 * earlier window who also have one in the later window.
 * @example retentionWindows(1000) // { earlier: { start: 271, end: 635 }, later: { start: 636, end: 1000 } }
 */
export function retentionWindows(lastDay: number): { earlier: DayRange; later: DayRange } {
  const laterStart = lastDay - RETENTION_WINDOW_DAYS + 1;
  return {
    earlier: { start: laterStart - RETENTION_WINDOW_DAYS, end: laterStart - 1 },
    later: { start: laterStart, end: lastDay },
  };
}

/** True when an ascending list of days has one within the range. */
function hasDayIn(days: Numbers, range: DayRange): boolean {
  const day = days[lowerBound(days, range.start)];
  return day !== undefined && day <= range.end;
}

/** Counts customers for {@link retentionWindows}, then measures retention. */
function createRetentionCounter(firstDay: number, lastDay: number) {
  const windows = retentionWindows(lastDay);
  let activeInEarlier = 0;
  let activeInBoth = 0;
  return {
    add(days: Numbers): void {
      if (!hasDayIn(days, windows.earlier)) return;
      activeInEarlier++;
      if (hasDayIn(days, windows.later)) activeInBoth++;
    },
    result(): RetentionMeasure {
      const spanDays = lastDay - firstDay + 1;
      if (firstDay > windows.earlier.start) {
        const needed = 2 * RETENTION_WINDOW_DAYS;
        return { value: null, reason: `the history covers ${spanDays} days; ${needed} are needed` };
      }
      if (activeInEarlier === 0) return { value: null, reason: 'no orders in the earlier year' };
      return { value: activeInBoth / activeInEarlier, ...windows, activeInEarlier, activeInBoth };
    },
  };
}

/**
 * A customer's model inputs up to the calibration end, in weeks, with the sum of their repeat
 * transactions' values; `null` when their first order is after it.
 * @param days - distinct order days, ascending, at least one
 * @param amounts - the value of each day's orders
 * @param calibrationEnd - day number; later days are ignored
 * @example calibrationFacts([0, 14, 14 + 7, 70], [10, 20, 30, 40], 28)
 *   // { x: 2, tx: 3, T: 4, repeatValue: 50 }
 */
export function calibrationFacts(
  days: Numbers,
  amounts: Numbers,
  calibrationEnd: number,
): { x: number; tx: number; T: number; repeatValue: number } | null {
  const first = days[0];
  if (first === undefined || first > calibrationEnd) return null;
  const lastIndex = lowerBound(days, calibrationEnd + 1) - 1; // ≥ 0, as days[0] ≤ calibrationEnd
  let repeatValue = 0;
  for (let index = 1; index <= lastIndex; index++) repeatValue += amounts[index] ?? 0;
  return {
    x: lastIndex,
    tx: ((days[lastIndex] ?? first) - first) / DAYS_PER_WEEK,
    T: (calibrationEnd - first) / DAYS_PER_WEEK,
    repeatValue,
  };
}

/**
 * The index of a day's period, counted from January 1970 (month 0, quarter 0).
 * @example periodIndex(dayFromCivil(2024, 3, 15), 'quarter') // 216 = 54 × 4
 */
export function periodIndex(day: number, period: CohortPeriod): number {
  const month = monthIndex(day);
  return period === 'month' ? month : Math.floor(month / 3);
}

/** First day (day number) of a period counted by {@link periodIndex}. */
export function periodStart(index: number, period: CohortPeriod): number {
  return dayOfMonthStart(period === 'month' ? index : index * 3);
}

/**
 * A period's label: "2024-03" for a month, "2024-Q1" for a quarter.
 * @example periodLabel(650, 'month') // '2024-03'
 */
export function periodLabel(index: number, period: CohortPeriod): string {
  const month = period === 'month' ? index : index * 3;
  const year = 1970 + Math.floor(month / 12);
  if (period === 'quarter') return `${year}-Q${Math.floor((month % 12) / 3) + 1}`;
  return `${year}-${String((month % 12) + 1).padStart(2, '0')}`;
}

interface CohortCounts {
  size: number;
  readonly active: number[];
  readonly revenue: number[];
}

/** Counts customers into cohorts by the period of their first order, then builds the table. */
function createCohortCounter(period: CohortPeriod, lastDay: number) {
  const lastPeriod = periodIndex(lastDay, period);
  const cohorts = new Map<number, CohortCounts>();
  return {
    add(days: Numbers, amounts: Numbers): void {
      const firstPeriod = periodIndex(days[0] ?? lastDay, period);
      let cohort = cohorts.get(firstPeriod);
      if (cohort === undefined) {
        const ages = Math.min(MAX_COHORT_AGE, lastPeriod - firstPeriod + 1);
        cohort = {
          size: 0,
          active: new Array<number>(ages).fill(0),
          revenue: new Array<number>(ages).fill(0),
        };
        cohorts.set(firstPeriod, cohort);
      }
      cohort.size++;
      let previousAge = -1;
      for (let index = 0; index < days.length; index++) {
        const age = periodIndex(days[index] ?? lastDay, period) - firstPeriod;
        if (age >= cohort.active.length) break; // beyond MAX_COHORT_AGE
        cohort.revenue[age] = (cohort.revenue[age] ?? 0) + (amounts[index] ?? 0);
        if (age !== previousAge) cohort.active[age] = (cohort.active[age] ?? 0) + 1;
        previousAge = age;
      }
    },
    table(): CohortTable {
      const rows = [...cohorts]
        .sort(([a], [b]) => a - b)
        .map(([index, counts]) => cohortRow(index, period, counts));
      return { period, rows, lastPeriodComplete: periodStart(lastPeriod + 1, period) - 1 === lastDay };
    },
  };
}

/** A cohort's counts as shares and cumulative revenue per customer. */
function cohortRow(index: number, period: CohortPeriod, counts: CohortCounts): CohortRow {
  let cumulative = 0;
  return {
    label: periodLabel(index, period),
    start: periodStart(index, period),
    size: counts.size,
    active: counts.active,
    activeShare: counts.active.map((active) => active / counts.size),
    revenuePerCustomer: counts.revenue.map((revenue) => (cumulative += revenue) / counts.size),
  };
}

/**
 * Average cumulative revenue per customer by age, pooling every cohort that has reached the age.
 * @example valueByAge([{ size: 2, revenuePerCustomer: [10, 15] }, { size: 1, revenuePerCustomer: [40] }])
 *   // [{ age: 0, customers: 3, revenuePerCustomer: 20 }, { age: 1, customers: 2, revenuePerCustomer: 15 }]
 */
export function valueByAge(rows: readonly Pick<CohortRow, 'size' | 'revenuePerCustomer'>[]): ValueAtAge[] {
  const ages = Math.max(0, ...rows.map((row) => row.revenuePerCustomer.length));
  return Array.from({ length: ages }, (_, age) => {
    const reached = rows.filter((row) => row.revenuePerCustomer.length > age);
    const customers = reached.reduce((sum, row) => sum + row.size, 0);
    const revenue = reached.reduce((sum, row) => sum + (row.revenuePerCustomer[age] ?? 0) * row.size, 0);
    return { age, customers, revenuePerCustomer: revenue / customers };
  });
}

/**
 * Orders as they arrive, one entry per order, column by column in typed arrays that double when full:
 * the customer's number (in order of first appearance), the day, the amount. 16 bytes an order.
 */
class OrderLog {
  customers = new Int32Array(1024);
  days = new Int32Array(1024);
  amounts = new Float64Array(1024);
  length = 0;

  push(customer: number, day: number, amount: number): void {
    if (this.length === this.days.length) this.#grow();
    this.customers[this.length] = customer;
    this.days[this.length] = day;
    this.amounts[this.length] = amount;
    this.length++;
  }

  #grow(): void {
    const capacity = this.days.length * 2;
    const customers = new Int32Array(capacity);
    const days = new Int32Array(capacity);
    const amounts = new Float64Array(capacity);
    customers.set(this.customers);
    days.set(this.days);
    amounts.set(this.amounts);
    [this.customers, this.days, this.amounts] = [customers, days, amounts];
  }
}

/**
 * Every customer's transactions, customer by customer: customer c's distinct order days, ascending, are
 * `days[starts[c]]` up to (not including) `days[starts[c + 1]]`, and `amounts` holds each day's total.
 */
interface Transactions {
  readonly starts: Int32Array;
  readonly days: Int32Array;
  readonly amounts: Float64Array;
  /** Orders summed into each transaction (same-day orders are one transaction). */
  readonly orderCounts: Int32Array;
}

/** Segments up to this length are sorted by insertion: most customers have a handful of orders. */
const INSERTION_SORT_MAX = 32;

/** Sorts one customer's entries by day, in place; entries of one day keep their arrival order. */
function sortByDay(days: Int32Array, amounts: Float64Array): void {
  if (days.length <= INSERTION_SORT_MAX) {
    for (let index = 1; index < days.length; index++) {
      const [day, amount] = [days[index] ?? 0, amounts[index] ?? 0];
      let to = index;
      for (; to > 0 && (days[to - 1] ?? 0) > day; to--) {
        days[to] = days[to - 1] ?? 0;
        amounts[to] = amounts[to - 1] ?? 0;
      }
      days[to] = day;
      amounts[to] = amount;
    }
    return;
  }
  const order = Array.from(days.keys()).sort((a, b) => (days[a] ?? 0) - (days[b] ?? 0) || a - b);
  const [daysBefore, amountsBefore] = [days.slice(), amounts.slice()];
  order.forEach((from, to) => {
    days[to] = daysBefore[from] ?? 0;
    amounts[to] = amountsBefore[from] ?? 0;
  });
}

/**
 * The log's orders grouped into each customer's transactions: a counting sort by customer (two passes),
 * then each customer's orders sorted by day and same-day orders summed, in place.
 */
function groupTransactions(log: OrderLog, customerCount: number): Transactions {
  const starts = new Int32Array(customerCount + 1);
  for (let index = 0; index < log.length; index++) {
    const slot = (log.customers[index] ?? 0) + 1;
    starts[slot] = (starts[slot] ?? 0) + 1;
  }
  for (let customer = 0; customer < customerCount; customer++) {
    starts[customer + 1] = (starts[customer + 1] ?? 0) + (starts[customer] ?? 0);
  }
  const next = starts.slice(0, customerCount);
  const days = new Int32Array(log.length);
  const amounts = new Float64Array(log.length);
  for (let index = 0; index < log.length; index++) {
    const customer = log.customers[index] ?? 0;
    const position = next[customer] ?? 0;
    next[customer] = position + 1;
    days[position] = log.days[index] ?? 0;
    amounts[position] = log.amounts[index] ?? 0;
  }
  const orderCounts = new Int32Array(log.length);
  let written = 0;
  for (let customer = 0; customer < customerCount; customer++) {
    const [from, to] = [starts[customer] ?? 0, starts[customer + 1] ?? 0];
    sortByDay(days.subarray(from, to), amounts.subarray(from, to));
    starts[customer] = written;
    for (let index = from; index < to; index++) {
      if (written > (starts[customer] ?? 0) && days[written - 1] === days[index]) {
        amounts[written - 1] = (amounts[written - 1] ?? 0) + (amounts[index] ?? 0);
        orderCounts[written - 1] = (orderCounts[written - 1] ?? 0) + 1;
      } else {
        days[written] = days[index] ?? 0;
        amounts[written] = amounts[index] ?? 0;
        orderCounts[written] = 1;
        written++;
      }
    }
  }
  starts[customerCount] = written;
  return {
    starts,
    days: days.subarray(0, written),
    amounts: amounts.subarray(0, written),
    orderCounts: orderCounts.subarray(0, written),
  };
}

/** Running totals the accumulator keeps as orders arrive. */
interface Totals {
  readonly orders: number;
  readonly revenue: number;
  readonly firstDay: number;
  readonly lastDay: number;
}

/** The summary of a non-empty history. */
function summarise(
  transactions: Transactions,
  ids: readonly string[],
  totals: Totals,
  options: FinishOptions,
): HistorySummary {
  const { orders, revenue, firstDay, lastDay } = totals;
  const calibrationEnd = options.calibrationEnd ?? lastDay;
  if (!Number.isInteger(calibrationEnd)) throw new RangeError('calibrationEnd must be a day number');
  const retention = createRetentionCounter(firstDay, lastDay);
  const cohorts = createCohortCounter(options.cohortPeriod ?? 'month', lastDay);
  const newCustomers = createNewCustomerCounter(firstDay, lastDay);
  const bgnbd: BgnbdInput[] = [];
  const gammaGamma: GammaGammaInput[] = [];
  const customerCount = transactions.starts.length - 1;
  const facts = createFactsCollector(customerCount, firstDay, lastDay);
  let repeatBuyers = 0;
  let customerDays = 0;
  for (let customer = 0; customer < customerCount; customer++) {
    const [from, to] = [transactions.starts[customer] ?? 0, transactions.starts[customer + 1] ?? 0];
    const days = transactions.days.subarray(from, to);
    const amounts = transactions.amounts.subarray(from, to);
    if (days.length >= 2) repeatBuyers++;
    customerDays += observedDays(days[0] ?? lastDay, lastDay);
    retention.add(days);
    newCustomers.add(days);
    cohorts.add(days, amounts);
    const calibration = calibrationFacts(days, amounts, calibrationEnd);
    if (calibration === null) continue;
    const id = ids[customer] ?? '';
    bgnbd.push({ customer: id, x: calibration.x, tx: calibration.tx, T: calibration.T });
    facts.add(days, amounts, transactions.orderCounts.subarray(from, to), calibration);
    // Gamma-Gamma models positive spend: a repeat buyer whose repeat orders were all free is left out.
    if (calibration.x > 0 && calibration.repeatValue > 0)
      gammaGamma.push({ customer: id, x: calibration.x, mx: calibration.repeatValue / calibration.x });
  }
  const cohortTable = cohorts.table();
  return {
    customers: customerCount,
    orders,
    transactions: transactions.days.length,
    revenue,
    averageOrderValue: revenue / orders,
    ordersPerCustomerPerYear: orders / (customerDays / DAYS_PER_YEAR),
    repeatPurchaseRate: repeatBuyers / customerCount,
    annualRetention: retention.result(),
    firstDay,
    lastDay,
    spanDays: lastDay - firstDay + 1,
    calibrationEnd,
    cohorts: cohortTable,
    historicalValueByAge: valueByAge(cohortTable.rows),
    bgnbd,
    gammaGamma,
    newCustomerRetention: newCustomers.result(),
    customerFacts: facts.result(),
  };
}

/**
 * Counts new customers' repeat buying over {@link retentionWindows}: of the customers whose first order
 * is in the earlier window, those with an order in the later window too.
 */
function createNewCustomerCounter(firstDay: number, lastDay: number) {
  const windows = retentionWindows(lastDay);
  let arrived = 0;
  let cameBack = 0;
  return {
    add(days: Numbers): void {
      const first = days[0];
      if (first === undefined || first < windows.earlier.start || first > windows.earlier.end) return;
      arrived++;
      if (hasDayIn(days, windows.later)) cameBack++;
    },
    result(): RetentionMeasure {
      if (firstDay > windows.earlier.start) {
        const needed = 2 * RETENTION_WINDOW_DAYS;
        return {
          value: null,
          reason: `the history covers ${lastDay - firstDay + 1} days; ${needed} are needed`,
        };
      }
      if (arrived === 0) return { value: null, reason: 'no new customers in the earlier year' };
      return { value: cameBack / arrived, ...windows, activeInEarlier: arrived, activeInBoth: cameBack };
    },
  };
}

/** Collects {@link CustomerFacts}, one customer at a time, in the order of the model inputs. */
function createFactsCollector(customerCount: number, firstDay: number, lastDay: number) {
  const orders = new Int32Array(customerCount);
  const first = new Int32Array(customerCount);
  const last = new Int32Array(customerCount);
  const totalSpend = new Float64Array(customerCount);
  const repeatSpend = new Float64Array(customerCount);
  const holdoutRepeats = new Int32Array(customerCount);
  const repeatsByWeek = new Float64Array(Math.floor((lastDay - firstDay) / DAYS_PER_WEEK) + 1);
  let count = 0;
  return {
    add(
      days: Numbers,
      amounts: Numbers,
      orderCounts: Numbers,
      calibration: { x: number; repeatValue: number },
    ): void {
      const lastIndex = calibration.x; // days[0..x] are on or before the calibration end
      let spend = 0;
      let orderCount = 0;
      for (let index = 0; index <= lastIndex; index++) {
        spend += amounts[index] ?? 0;
        orderCount += orderCounts[index] ?? 0;
      }
      for (let index = 1; index < days.length; index++) {
        const week = Math.floor(((days[index] ?? firstDay) - firstDay) / DAYS_PER_WEEK);
        repeatsByWeek[week] = (repeatsByWeek[week] ?? 0) + 1;
      }
      orders[count] = orderCount;
      first[count] = days[0] ?? 0;
      last[count] = days[lastIndex] ?? 0;
      totalSpend[count] = spend;
      repeatSpend[count] = lastIndex > 0 ? calibration.repeatValue / lastIndex : 0;
      holdoutRepeats[count] = days.length - 1 - lastIndex;
      count++;
    },
    result(): CustomerFacts {
      return {
        orders: orders.subarray(0, count),
        firstDay: first.subarray(0, count),
        lastDay: last.subarray(0, count),
        totalSpend: totalSpend.subarray(0, count),
        repeatSpend: repeatSpend.subarray(0, count),
        holdoutRepeats: holdoutRepeats.subarray(0, count),
        repeatsByWeek,
      };
    },
  };
}

/**
 * A copy of a string that shares no memory with the text it was cut from. Parsers hand over fields as
 * slices of the chunk they read, and a slice kept as a map key would keep the whole chunk alive.
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * An empty order history to {@link History.add} orders to, in any order, then {@link History.finish}.
 * @example const history = createHistory();
 *   history.add({ customer: 'c1', day: 19783, amount: 23.5 });
 *   history.finish()?.averageOrderValue // 23.5
 */
export function createHistory(): History {
  const customerNumbers = new Map<string, number>();
  const log = new OrderLog();
  let grouped: Transactions | null = null; // the log grouped, until the next order arrives
  let ids: string[] | null = null; // the customer ids by number, until a new customer arrives
  let revenue = 0;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  return {
    add({ customer, day, amount }: Order): void {
      if (!Number.isInteger(day) || !(amount >= 0) || !Number.isFinite(amount)) {
        throw new RangeError('an order needs a whole day number and an amount ≥ 0 (see validateRow)');
      }
      let number = customerNumbers.get(customer);
      if (number === undefined) {
        number = customerNumbers.size;
        customerNumbers.set(detached(customer), number);
        ids = null;
      }
      log.push(number, day, amount);
      grouped = null;
      revenue += amount;
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
    },
    get orders() {
      return log.length;
    },
    get customers() {
      return customerNumbers.size;
    },
    finish(options: FinishOptions = {}): HistorySummary | null {
      if (log.length === 0) return null;
      grouped ??= groupTransactions(log, customerNumbers.size);
      // Customer numbers were given in arrival order, which is the map's order: number n is the n-th key.
      ids ??= [...customerNumbers.keys()];
      return summarise(grouped, ids, { orders: log.length, revenue, firstDay, lastDay }, options);
    },
  };
}
