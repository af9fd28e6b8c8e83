/**
 * Made-up order exports, the same every time for a given seed: a small realistic one that the site ships
 * as a sample file and the tests read, and a large one, produced in chunks, for the million-row benchmark.
 *
 * The small one is drawn the way the BG/NBD model assumes customers behave (Fader, Hardie & Lee 2005):
 * each customer buys at their own Poisson rate while active, and after each purchase drops out with their
 * own probability; rates are gamma-distributed across customers, drop-out probabilities beta-distributed.
 * Spend per order scatters around each customer's own average, which is itself gamma-distributed
 * (the Gamma-Gamma model's assumption). So a model fitted to the sample has something real to find.
 */

import { dayFromCivil, formatDay } from './import/dates';
import type { Order } from './import/rows';

/** A seeded source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Mulberry32, a small fast 32-bit generator: good enough for made-up data, and the same in every browser.
 * @example const random = mulberry32(1); random() // 0.6270739405881613
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * A gamma draw with the given shape and mean (Marsaglia & Tsang 2000; shapes below 1 by the boost
 * Gamma(a) = Gamma(a + 1) · U^(1/a)).
 */
export function gamma(random: Random, shape: number, mean: number): number {
  if (shape < 1)
    return gamma(random, shape + 1, (mean * (shape + 1)) / shape) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(random);
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - random()) < (z * z) / 2 + d - d * v + d * Math.log(v)) {
      return ((d * v) / shape) * mean;
    }
  }
}

/** A beta draw, from two gamma draws. */
function beta(random: Random, a: number, b: number): number {
  const x = gamma(random, a, a);
  return x / (x + gamma(random, b, b));
}

/** What the small sample looks like. */
export interface SampleOptions {
  /** Seed of the generator; the default gives the shipped sample file. */
  readonly seed?: number;
  /** Customers acquired over the period. */
  readonly customers?: number;
  /** First day of the period (day number). */
  readonly startDay?: number;
  /** Days in the period. */
  readonly days?: number;
}

/** The seed of the sample file the site ships. */
export const SAMPLE_SEED = 20240101;

/** The defaults: 400 customers from July 2022 to December 2024, long enough to measure annual retention. */
export const SAMPLE_DEFAULTS = {
  seed: SAMPLE_SEED,
  customers: 400,
  startDay: dayFromCivil(2022, 7, 1),
  days: 915,
} as const;

/** A price as shops print them: two decimals, ending in .00, .50, .90 or .99 most of the time. */
function shopPrice(random: Random, around: number): number {
  const whole = Math.max(1, Math.floor(around));
  const endings = [0, 0.5, 0.9, 0.99, 0.5, 0];
  const ending = endings[Math.floor(random() * endings.length)] ?? 0;
  return Math.round((whole + ending) * 100) / 100;
}

/** One customer's orders, drawn as the module comment describes, from their first day to the end. */
function customerOrders(random: Random, customer: string, firstDay: number, endDay: number): Order[] {
  const ordersPerDay = gamma(random, 0.9, 4 / 365); // about four orders a year on average, widely spread
  const dropOut = beta(random, 1.2, 3); // chance of never coming back after each order
  const averageSpend = gamma(random, 6, 45);
  const orders: Order[] = [];
  let day = firstDay;
  while (day <= endDay) {
    orders.push({ customer, day, amount: shopPrice(random, gamma(random, 12, averageSpend)) });
    if (random() < 0.04) orders.push({ customer, day, amount: shopPrice(random, gamma(random, 4, 15)) });
    if (random() < dropOut) break;
    day += Math.max(1, Math.ceil(-Math.log(1 - random()) / ordersPerDay));
  }
  return orders;
}

/**
 * The orders of a made-up shop, oldest first as exports usually are: customers arrive over the period,
 * more of them later (a growing shop), and buy as the module comment describes.
 */
export function sampleOrders(options: SampleOptions = {}): Order[] {
  const { seed, customers, startDay, days } = { ...SAMPLE_DEFAULTS, ...options };
  const random = mulberry32(seed);
  const endDay = startDay + days - 1;
  const orders: Order[] = [];
  for (let index = 0; index < customers; index++) {
    // The first customer opens the shop; later ones arrive more and more often (density rising as t^0.4).
    const firstDay = index === 0 ? startDay : startDay + Math.floor(random() ** (1 / 1.4) * days);
    orders.push(...customerOrders(random, `C${String(1001 + index)}`, firstDay, endDay));
  }
  return orders.sort((a, b) => a.day - b.day || a.customer.localeCompare(b.customer));
}

/** The header of the generated exports. */
export const SAMPLE_HEADER = 'customer_id,order_date,amount';

/**
 * The sample export as CSV text: header `customer_id,order_date,amount`, ISO dates, amounts like 23.50,
 * lines ending in CRLF (RFC 4180).
 * @example sampleCsv().split('\r\n')[0] // 'customer_id,order_date,amount'
 */
export function sampleCsv(options: SampleOptions = {}): string {
  const lines = sampleOrders(options).map(
    (order) => `${order.customer},${formatDay(order.day)},${order.amount.toFixed(2)}`,
  );
  return [SAMPLE_HEADER, ...lines, ''].join('\r\n');
}

/**
 * A large export in chunks of whole lines, for benchmarks: `rows` orders over three years from 2022,
 * oldest first, by about rows ÷ 5 customers of whom a few buy very often. Each chunk is built and
 * dropped in turn, so the caller decides whether the whole text is ever held at once.
 * @param rows - order lines after the header
 * @param seed - seed of the generator
 * @param rowsPerChunk - order lines per chunk (the first chunk also holds the header)
 * @example [...generateLargeCsv(3, 1)].join('').split('\n').length // 5: header, 3 rows, final ''
 */
export function* generateLargeCsv(
  rows: number,
  seed: number,
  rowsPerChunk = 10_000,
): Generator<string, void> {
  const random = mulberry32(seed);
  const startDay = dayFromCivil(2022, 1, 1);
  const days = 3 * 365;
  const customers = Math.max(1, Math.floor(rows / 5));
  let lines: string[] = [SAMPLE_HEADER];
  let date = '';
  let dateDay = NaN;
  for (let row = 0; row < rows; row++) {
    const customer = Math.floor(customers * random() ** 2); // low ids buy far more often
    const day = startDay + Math.floor((row * days) / rows);
    if (day !== dateDay) [date, dateDay] = [formatDay(day), day]; // rows are by day: format each day once
    const cents = 500 + Math.floor(random() * 15_000);
    lines.push(`C${customer},${date},${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
    if (lines.length >= rowsPerChunk) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}
