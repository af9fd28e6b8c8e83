/**
 * The orders page's sample export, read the way the page reads it, and the figures the owners' articles
 * quote from it. The only place the article tests touch src/lib/orders: if those modules move, fix the
 * imports here.
 */
import Papa from 'papaparse';
import { guessColumns } from '../../../src/lib/orders/import/columns';
import { createHistory, type HistorySummary } from '../../../src/lib/orders/history/history';
import type { Order } from '../../../src/lib/orders/import/rows';
import { validateRow } from '../../../src/lib/orders/import/rows';
import { sampleCsv } from '../../../src/lib/orders/sample';

/** Days a new customer is given to come back in the first-year repeat rate. */
const YEAR_DAYS = 365;

/** The sample's orders, parsed and checked row by row as the page does, and the history summary of them. */
export function readSample(): { orders: Order[]; summary: HistorySummary } {
  const [header = [], ...records] = Papa.parse<string[]>(sampleCsv(), { skipEmptyLines: 'greedy' }).data;
  const guess = guessColumns(header);
  if (guess.customer === null || guess.date === null || guess.amount === null)
    throw new Error('the sample’s columns were not recognised');
  const mapping = {
    customer: guess.customer,
    date: guess.date,
    amount: guess.amount,
    columns: header.length,
  };
  const history = createHistory();
  const orders: Order[] = [];
  for (const fields of records) {
    const checked = validateRow(fields, mapping, 'YYYY-MM-DD');
    if (!checked.ok) throw new Error(`a sample row was refused: ${checked.reason}`);
    orders.push(checked.order);
    history.add(checked.order);
  }
  const summary = history.finish();
  if (!summary) throw new Error('the sample has no orders');
  return { orders, summary };
}

/** Each customer's order days (distinct, ascending) and total spend. */
export function byCustomer(orders: readonly Order[]): Map<string, { days: number[]; spend: number }> {
  const customers = new Map<string, { days: number[]; spend: number }>();
  for (const order of orders) {
    const entry = customers.get(order.customer) ?? { days: [], spend: 0 };
    if (!entry.days.includes(order.day)) entry.days.push(order.day);
    entry.spend += order.amount;
    customers.set(order.customer, entry);
  }
  for (const entry of customers.values()) entry.days.sort((a, b) => a - b);
  return customers;
}

/**
 * New customers' first-year repeat rate: of the customers whose first order is in [fromDay, toDay] and at
 * least a year before the history's last day, the share who ordered again on another day within a year.
 */
export function firstYearRepeat(
  orders: readonly Order[],
  lastDay: number,
  fromDay: number,
  toDay: number,
): { customers: number; repeated: number; rate: number } {
  let customers = 0;
  let repeated = 0;
  for (const { days } of byCustomer(orders).values()) {
    const first = days[0] ?? Infinity;
    if (first < fromDay || first > toDay || first + YEAR_DAYS > lastDay) continue;
    customers++;
    if (days.some((day) => day > first && day <= first + YEAR_DAYS)) repeated++;
  }
  return { customers, repeated, rate: customers === 0 ? 0 : repeated / customers };
}

/** The share of all spending that comes from the top `share` of customers by spend (share 0.1 = top 10 %). */
export function topShareOfSpend(orders: readonly Order[], share: number): number {
  const spends = [...byCustomer(orders).values()].map((entry) => entry.spend).sort((a, b) => b - a);
  const total = spends.reduce((sum, spend) => sum + spend, 0);
  const top = spends.slice(0, Math.round(share * spends.length)).reduce((sum, spend) => sum + spend, 0);
  return top / total;
}

/**
 * Year-on-year repeat rate over two windows: of the customers with an order in the earlier window (only
 * those whose first order falls in it, when `newOnly`), the share with an order in the later window too.
 */
export function yearOnYear(
  orders: readonly Order[],
  earlier: { start: number; end: number },
  later: { start: number; end: number },
  newOnly: boolean,
): { customers: number; repeated: number; rate: number } {
  let customers = 0;
  let repeated = 0;
  const within = (days: number[], range: { start: number; end: number }) =>
    days.some((day) => day >= range.start && day <= range.end);
  for (const { days } of byCustomer(orders).values()) {
    if (!within(days, earlier)) continue;
    if (newOnly && (days[0] ?? Infinity) < earlier.start) continue;
    customers++;
    if (within(days, later)) repeated++;
  }
  return { customers, repeated, rate: customers === 0 ? 0 : repeated / customers };
}

/** Gross margin the owners' articles assume for the sample shop, as a fraction of sales. */
export const SAMPLE_MARGIN = 0.4;
/** Cost of packing and handling one order that the articles assume, in dollars. */
export const SAMPLE_ORDER_COST = 6;

/** Each customer's margin after the cost of handling their orders, at the articles' assumptions. */
function marginsAfterOrderCost(orders: readonly Order[]): { margin: number; orderDays: number }[] {
  const orderCount = new Map<string, number>();
  for (const order of orders) orderCount.set(order.customer, (orderCount.get(order.customer) ?? 0) + 1);
  return [...byCustomer(orders)].map(([customer, { days, spend }]) => ({
    margin: SAMPLE_MARGIN * spend - SAMPLE_ORDER_COST * (orderCount.get(customer) ?? 0),
    orderDays: days.length,
  }));
}

/** The share of the total that the top `share` of values brings (share 0.1 = top 10 %). */
function topShare(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => b - a);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return sorted.slice(0, Math.round(share * sorted.length)).reduce((sum, value) => sum + value, 0) / total;
}

/** Every figure the articles may quote from the sample, by the name their frontmatter uses. */
export function sampleFigures(): Record<string, number> {
  const { orders, summary } = readSample();
  const retention = summary.annualRetention;
  if (retention.value === null) throw new Error(`the sample’s retention is unmeasured: ${retention.reason}`);
  const all = yearOnYear(orders, retention.earlier, retention.later, false);
  const fresh = yearOnYear(orders, retention.earlier, retention.later, true);
  const customers = [...byCustomer(orders).values()];
  const yearStart = (year: number) => Date.UTC(year, 0, 1) / 86_400_000;
  const lastDay = (days: number[]) => days[days.length - 1] ?? 0;
  const spends = customers.map((customer) => customer.spend);
  const oneTime = customers.filter((customer) => customer.days.length === 1);
  const afterCost = marginsAfterOrderCost(orders);
  const lossMakers = afterCost.filter((customer) => customer.margin < 0);
  return {
    customers: summary.customers,
    orders: summary.orders,
    revenue: summary.revenue,
    averageOrderValue: summary.averageOrderValue,
    ordersPerCustomerPerYear: summary.ordersPerCustomerPerYear,
    repeatPurchasePercent: 100 * summary.repeatPurchaseRate,
    activeInEarlierYear: all.customers,
    activeInBothYears: all.repeated,
    wholeBaseRetentionPercent: 100 * all.rate,
    pageRetentionPercent: 100 * retention.value,
    newInEarlierYear: fresh.customers,
    newWhoCameBack: fresh.repeated,
    newCustomerRetentionPercent: 100 * fresh.rate,
    longStandingInEarlierYear: all.customers - fresh.customers,
    newCustomers2024: customers.filter((customer) => (customer.days[0] ?? 0) >= yearStart(2024)).length,
    // Repeat buyers whose last order was more than 91 days and at most a year before the history's end.
    overdueRepeatBuyers: customers.filter(
      (customer) =>
        customer.days.length > 1 &&
        summary.lastDay - lastDay(customer.days) > 91 &&
        summary.lastDay - lastDay(customer.days) <= 365,
    ).length,
    top10SalesPercent: 100 * topShare(spends, 0.1),
    top20SalesPercent: 100 * topShare(spends, 0.2),
    bottomHalfSalesPercent: 100 * (1 - topShare(spends, 0.5)),
    oneTimeBuyers: oneTime.length,
    oneTimeSalesPercent: (100 * oneTime.reduce((sum, customer) => sum + customer.spend, 0)) / summary.revenue,
    biggestCustomerSpend: Math.max(...spends),
    marginAfterOrderCost: afterCost.reduce((sum, customer) => sum + customer.margin, 0),
    top10MarginPercent:
      100 *
      topShare(
        afterCost.map((customer) => customer.margin),
        0.1,
      ),
    top20MarginPercent:
      100 *
      topShare(
        afterCost.map((customer) => customer.margin),
        0.2,
      ),
    lossMakingCustomers: lossMakers.length,
    lossMakingRepeatBuyers: lossMakers.filter((customer) => customer.orderDays > 1).length,
  };
}
