/**
 * Customer segments in plain words, each with the rule the page shows beside it. Rules are tried in order
 * and the first that fits names the customer, so every customer has exactly one segment.
 */

/** Weeks since the first order within which a customer counts as new. */
export const NEW_CUSTOMER_WEEKS = 13;
/** Below this chance of still buying, a repeat buyer counts as lapsed. */
export const LAPSED_BELOW = 0.3;
/** Below this chance (and from {@link LAPSED_BELOW}), a repeat buyer is slipping away. */
export const SLIPPING_BELOW = 0.7;
/** The share of customers, by predicted value, that "best" may come from. */
export const BEST_SHARE = 0.2;

export interface Segment {
  readonly id: 'new' | 'one-time' | 'lapsed' | 'slipping' | 'best' | 'steady';
  /** The segment's name as the table and the CSV write it. */
  readonly label: string;
  /** The rule, in words, as the page shows it. */
  readonly rule: string;
}

/** The segments, in the order their rules are tried; a customer's segment is stored as its index here. */
export const SEGMENTS: readonly Segment[] = [
  {
    id: 'new',
    label: 'new',
    rule: `First order less than ${NEW_CUSTOMER_WEEKS} weeks before the calibration end: too soon to judge.`,
  },
  {
    id: 'one-time',
    label: 'one-time',
    rule: 'Bought on one day only, and not new. The model cannot tell yet whether they will come back.',
  },
  {
    id: 'lapsed',
    label: 'lapsed',
    rule: `Bought on two or more days, but the chance they still buy is below ${100 * LAPSED_BELOW}\u00a0%.`,
  },
  {
    id: 'slipping',
    label: 'slipping away',
    rule: `Bought on two or more days; the chance they still buy is ${100 * LAPSED_BELOW}\u00a0% to ${100 * SLIPPING_BELOW}\u00a0%.`,
  },
  {
    id: 'best',
    label: 'best',
    rule: `Bought on two or more days, a chance of at least ${100 * SLIPPING_BELOW}\u00a0% that they still buy, and a predicted value in the top ${100 * BEST_SHARE}\u00a0% of all customers.`,
  },
  {
    id: 'steady',
    label: 'steady',
    rule: `Bought on two or more days, with a chance of at least ${100 * SLIPPING_BELOW}\u00a0% that they still buy.`,
  },
];

/**
 * The index in {@link SEGMENTS} of a customer's segment.
 * @param x - repeat purchase days up to the calibration end
 * @param T - weeks from the first order to the calibration end
 * @param pAlive - the chance they still buy, 0..1
 * @param predictedValue - their predicted value over the horizon
 * @param bestFrom - the smallest predicted value in the top {@link BEST_SHARE} ({@link bestThreshold})
 * @example segmentIndex(3, 40, 0.5, 100, 200) // 3, "slipping away"
 */
export function segmentIndex(
  x: number,
  T: number,
  pAlive: number,
  predictedValue: number,
  bestFrom: number,
): number {
  if (T < NEW_CUSTOMER_WEEKS) return 0;
  if (x === 0) return 1;
  if (pAlive < LAPSED_BELOW) return 2;
  if (pAlive < SLIPPING_BELOW) return 3;
  return predictedValue >= bestFrom && predictedValue > 0 ? 4 : 5;
}

/**
 * The predicted value from which a customer is in the top {@link BEST_SHARE} of all customers: the value
 * at rank ⌈share × n⌉ from the top; Infinity for no customers.
 * @example bestThreshold(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)) // 9: the top two of ten
 */
export function bestThreshold(values: Float64Array, share = BEST_SHARE): number {
  if (values.length === 0) return Infinity;
  const sorted = values.slice().sort();
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[sorted.length - rank] ?? Infinity;
}
