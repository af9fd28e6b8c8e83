/**
 * A made-up customer summary file, the same every time for a seed, for the million-customer benchmark and
 * the tests: customers behave as the BG/NBD model assumes (sample.ts draws orders the same way), and each
 * line is what the shipped SQL would write for them as of the calibration end.
 */
import { gamma, mulberry32, type Random } from '../sample';
import { CUSTOMER_SUMMARY_HEADER } from './customer-summary';

/** Days from the shop's first day to the calibration end. */
const DAYS = 3 * 365;

/** A beta draw, from two gamma draws. */
function beta(random: Random, a: number, b: number): number {
  const x = gamma(random, a, a);
  return x / (x + gamma(random, b, b));
}

/** One customer's summary line: purchases at a daily resolution, same-day ones merged, as §4 counts them. */
function customerLine(random: Random, id: number): string {
  const firstDay = Math.floor(random() * DAYS); // the calibration end is day DAYS
  const ordersPerDay = gamma(random, 0.9, 4 / 365);
  const dropOut = beta(random, 1.2, 3);
  const averageSpend = gamma(random, 6, 45);
  let day = firstDay;
  let lastDay = firstDay;
  let repeats = 0;
  let spend = 0;
  while (random() >= dropOut) {
    day += Math.max(1, Math.ceil(-Math.log(1 - random()) / ordersPerDay));
    if (day > DAYS) break;
    repeats++;
    lastDay = day;
    spend += Math.round(gamma(random, 12, averageSpend) * 100) / 100;
  }
  const weeks = (days: number) => String(days / 7);
  const monetary = repeats > 0 ? String(spend / repeats) : '0';
  return `C${id},${repeats},${weeks(lastDay - firstDay)},${weeks(DAYS - firstDay)},${monetary}`;
}

/**
 * A summary of `customers` customers in chunks of whole lines (each built and dropped in turn), header
 * first, lines ending in `\n`.
 * @example [...generateCustomerSummaryCsv(2, 1)].join('').split('\n').length // 4: header, 2 lines, ''
 */
export function* generateCustomerSummaryCsv(
  customers: number,
  seed: number,
  linesPerChunk = 10_000,
): Generator<string, void> {
  const random = mulberry32(seed);
  let lines: string[] = [CUSTOMER_SUMMARY_HEADER.join(',')];
  for (let id = 0; id < customers; id++) {
    lines.push(customerLine(random, id));
    if (lines.length >= linesPerChunk) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}
