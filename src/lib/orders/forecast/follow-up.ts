/**
 * Who to follow up this week: the repeat buyers with the most value at stake, that is, valuable customers
 * who are past their usual gap between orders, so that the chance they still buy is falling.
 */
import { formatNumber } from '../../format';
import { customerId, type CustomerForecasts } from './customers';

/** Customers with a smaller chance than this of still buying have most likely gone, and are left out. */
export const FOLLOW_UP_MIN_ALIVE = 0.1;
/** How many the list shows. */
export const FOLLOW_UP_LENGTH = 10;

export interface FollowUp {
  /** Index of the customer in the table. */
  readonly index: number;
  readonly customer: string;
  /** Purchase days up to the calibration end: x + 1. */
  readonly purchases: number;
  /** Their mean gap between purchase days, tₓ ÷ x, weeks. */
  readonly usualGapWeeks: number;
  /** Weeks since their last purchase day, T − tₓ. */
  readonly silentWeeks: number;
  readonly pAlive: number;
  /** What they would bring over the horizon if still buying: predicted_value ÷ p_alive. */
  readonly valueIfActive: number;
  /** valueIfActive × (1 − p_alive): the margin lost if they have stopped, which a call may win back. */
  readonly valueAtStake: number;
  /** Why they are on the list, in words. */
  readonly reason: string;
}

/**
 * The reason a customer is on the list, in words, numbers in the reader's locale.
 * @example followUpReason(6, 5, 19, 'en-US') // 'ordered 6 times, about every 5 weeks; nothing for 19 weeks'
 */
export function followUpReason(
  purchases: number,
  usualGapWeeks: number,
  silentWeeks: number,
  locale: string,
): string {
  const whole = (n: number) => Math.max(1, Math.round(n));
  const every =
    whole(usualGapWeeks) === 1 ? 'week' : `${formatNumber(whole(usualGapWeeks), locale, 0)} weeks`;
  const silent = whole(silentWeeks) === 1 ? 'a week' : `${formatNumber(whole(silentWeeks), locale, 0)} weeks`;
  return `ordered ${formatNumber(purchases, locale, 0)} times, about every ${every}; nothing for ${silent}`;
}

interface Candidate {
  readonly index: number;
  readonly stake: number;
}

/** Larger stake first; ties by id, so the list is the same every time. */
function ranksBefore(table: CustomerForecasts, a: Candidate, b: Candidate): boolean {
  if (a.stake !== b.stake) return a.stake > b.stake;
  return customerId(table, a.index).localeCompare(customerId(table, b.index)) < 0;
}

/**
 * The follow-up list: repeat buyers whose time since their last purchase is longer than their usual gap,
 * with at least a {@link FOLLOW_UP_MIN_ALIVE} chance of still buying, ranked by value at stake, largest first
 * (ties by id, so the list is the same every time).
 */
export function followUpList(
  table: CustomerForecasts,
  locale: string,
  length = FOLLOW_UP_LENGTH,
): FollowUp[] {
  // The best `length` so far, best first: a full sort of every candidate took 80 ms of the page's thread
  // for 190,000 customers; keeping ten is one pass.
  const best: Candidate[] = [];
  for (let index = 0; index < table.count; index++) {
    const x = table.frequency[index] ?? 0;
    const p = table.pAlive[index] ?? 0;
    if (x < 1 || p < FOLLOW_UP_MIN_ALIVE || p >= 1) continue;
    const tx = table.recencyWeeks[index] ?? 0;
    const silent = (table.ageWeeks[index] ?? 0) - tx;
    if (!(silent > tx / x)) continue; // not yet past their usual gap
    const stake = ((table.predictedValue[index] ?? 0) / p) * (1 - p);
    if (!(stake > 0)) continue;
    const candidate = { index, stake };
    let at = best.length;
    while (at > 0 && ranksBefore(table, candidate, best[at - 1]!)) at--;
    if (at >= length) continue;
    best.splice(at, 0, candidate);
    if (best.length > length) best.pop();
  }
  return best.map(({ index, stake }) => {
    const x = table.frequency[index] ?? 0;
    const tx = table.recencyWeeks[index] ?? 0;
    const silentWeeks = (table.ageWeeks[index] ?? 0) - tx;
    const p = table.pAlive[index] ?? 0;
    return {
      index,
      customer: customerId(table, index),
      purchases: x + 1,
      usualGapWeeks: tx / x,
      silentWeeks,
      pAlive: p,
      valueIfActive: (table.predictedValue[index] ?? 0) / p,
      valueAtStake: stake,
      reason: followUpReason(x + 1, tx / x, silentWeeks, locale),
    };
  });
}
