/**
 * The "Sale vs Customer" model (docs/models.md §1): what one sale is worth next to what the customer who
 * made it is worth over the years. One concept per pure function; {@link computeSaleVsCustomer} composes them.
 *
 * Units: the single-concept functions take rates as fractions (0.4 for 40 %) and money in currency units;
 * only {@link computeSaleVsCustomer} takes the spec's percent numbers, and converts them once.
 * Inputs are assumed to be within the spec's ranges (the URL codec enforces them); for every such input
 * every result is a finite number or, where the spec allows "undefined", `null`.
 */

import { percentToFraction, ratioOrNull } from '../math';

/** Inputs in the spec's own units: percentages as percent numbers (margin 40 means 40 %), money in currency units. */
export interface SaleVsCustomerInputs {
  /** Average order value, currency per order; > 0 and ≤ 1e9. */
  aov: number;
  /** Gross margin on an order, % of order value; 0–100. */
  margin: number;
  /** Orders per year from an active customer; > 0 and ≤ 365. */
  freq: number;
  /** Share of active customers still buying a year later, % per year; 0–100. */
  retention: number;
  /** Discount rate for future money, % per year; 0–100. */
  discount: number;
  /** Horizon, whole years; 1–50. */
  years: number;
  /** Cost to acquire one new customer, currency; 0–1e9. */
  cac: number;
  /** New customers an active customer refers per year; 0–10. */
  referrals: number;
}

/** One line of the year-by-year table (and one point of the chart). */
export interface YearRow {
  /** t = 1..H */
  year: number;
  /** aₜ = r^(t−1), a fraction 0..1 */
  chanceActive: number;
  /** Expected orders that year: freq × aₜ */
  orders: number;
  /** Undiscounted value that year: (A + W) × aₜ, currency */
  margin: number;
  /** vₜ = (A + W) × aₜ × δₜ, currency */
  discountedValue: number;
  /** v₁ + … + vₜ, currency */
  runningTotal: number;
}

/** The results named in the spec; `null` is the spec's "undefined". */
export interface SaleVsCustomerResults {
  sale: number;
  clv: number;
  clvUndiscounted: number;
  /** null = undefined per spec (r ≥ 1+d), or too large to represent as a number */
  longRun: number | null;
  activeYears: number;
  purchases: number;
  /** null when sale = 0 */
  multiple: number | null;
  net: number;
  /** null when cac = 0, or when clv / cac is too large to represent (cac a hair above 0) */
  clvToCac: number | null;
  /** 0 when cac = 0; null when not paid back within the horizon */
  paybackMonths: number | null;
  rows: YearRow[];
}

/**
 * Value of one sale, S = aov × m: the gross margin of a single order.
 * @param aov - average order value, currency per order
 * @param m - gross margin, a fraction of the order value
 * @returns currency per order
 * @example saleValue(60, 0.4) // 24
 */
export function saleValue(aov: number, m: number): number {
  return aov * m;
}

/**
 * Annual margin of an active customer, A = S × freq.
 * @param sale - value of one sale S, currency per order
 * @param freq - orders per year
 * @returns currency per year
 * @example annualMargin(24, 4) // 96
 */
export function annualMargin(sale: number, freq: number): number {
  return sale * freq;
}

/**
 * Annual word-of-mouth value of an active customer, W = k × S: each referred customer counts for the
 * margin of their first order only (deliberately conservative).
 * @param sale - value of one sale S, currency per order
 * @param referrals - k, customers referred per year
 * @returns currency per year
 * @example annualReferralValue(24, 0.5) // 12
 */
export function annualReferralValue(sale: number, referrals: number): number {
  return referrals * sale;
}

/**
 * Chance the customer is still active in year t, aₜ = r^(t−1); year 1 is the year of the first purchase.
 * Math.pow(0, 0) = 1, so a₁ = 1 also when r = 0, as it should.
 * @param r - retention, a fraction per year
 * @param t - year, 1-based
 * @returns a fraction 0..1
 * @example chanceActive(0.6, 3) // 0.36 (up to rounding)
 */
export function chanceActive(r: number, t: number): number {
  return Math.pow(r, t - 1);
}

/**
 * Discount factor for year t, δₜ = (1+d)^−(t−1): money of year t counts at the start of that year, so
 * year 1 is not discounted.
 * @param d - discount rate, a fraction per year
 * @param t - year, 1-based
 * @example discountFactor(0.25, 3) // 0.64 = 1 / 1.25²
 */
export function discountFactor(d: number, t: number): number {
  return Math.pow(1 + d, -(t - 1));
}

/**
 * Expected years as a customer within the horizon, Σₜ₌₁..H aₜ = (1 − r^H)/(1 − r), or H when r = 1.
 * @param r - retention, a fraction per year
 * @param horizon - H, whole years
 * @returns years
 * @example activeYears(0.6, 10) // 2.484883456 = (1 − 0.6¹⁰) / 0.4
 */
export function activeYears(r: number, horizon: number): number {
  if (r === 1) return horizon; // every year counts in full; the closed form would be 0 / 0
  const oneMinusR = 1 - r; // exact for r ≥ 0.5 (Sterbenz), so nothing is lost near r = 1
  // 1 − r^H as −expm1(H·log1p(−(1−r))): the naive 1 − Math.pow(r, H) cancels and is up to ~5e-9 off
  // (relative) when r is within ~1e-9 of 1; this form stays within a few ulps.
  // At r = 0, log1p(−1) = −∞ and expm1(−∞) = −1, which gives 1: only year 1 counts.
  return -Math.expm1(horizon * Math.log1p(-oneMinusR)) / oneMinusR;
}

/**
 * The customer's value with no horizon, (A + W)(1+d)/(1+d−r): the limit of the discounted sum, in the
 * "first payment included" variant (Fader & Hardie 2012).
 * @param annualValue - A + W, currency per year
 * @param r - retention, a fraction per year
 * @param d - discount rate, a fraction per year
 * @returns currency; null when r ≥ 1+d (the sum does not converge) or the value is too large for a double
 * @example longRunValue(96, 0.6, 0.1) // 211.2 = 96 × 1.1 / 0.5
 */
export function longRunValue(annualValue: number, r: number, d: number): number | null {
  const denominator = 1 - r + d; // (1 − r) first, so it is exact and a tiny d is not lost in 1 + d
  if (denominator <= 0) return null;
  return ratioOrNull(annualValue * (1 + d), denominator);
}

/**
 * Relative slack in {@link paybackMonths}: twelve additions of vₜ/12 can fall an ulp short of vₜ, and
 * without it a cac equal to a year's running total would be paid back one month late.
 */
export const PAYBACK_RELATIVE_TOLERANCE = 1e-12;

/**
 * Months until the customer has paid back the acquisition cost: each year's value is spread evenly over
 * its 12 months, so month j (in year t = ⌈j/12⌉) adds vₜ/12 = (A + W)/12 × aₜ × δₜ; the result is the
 * smallest j whose running total reaches cac.
 * @param cac - acquisition cost, currency
 * @param yearValues - v₁..v_H, the discounted value of each year, currency
 * @returns months; 0 when cac = 0; null when not paid back within the horizon
 * @example paybackMonths(50, [96]) // 7: 96 / 12 = 8 a month, 48 after 6 months, 56 after 7
 * @example paybackMonths(100, [96]) // null: 96 in the only year is short of 100
 */
export function paybackMonths(cac: number, yearValues: readonly number[]): number | null {
  if (cac <= 0) return 0;
  const target = cac * (1 - PAYBACK_RELATIVE_TOLERANCE);
  let total = 0;
  let month = 0;
  for (const yearValue of yearValues) {
    const monthValue = yearValue / 12;
    for (let monthOfYear = 1; monthOfYear <= 12; monthOfYear++) {
      month++;
      total += monthValue;
      if (total >= target) return month;
    }
  }
  return null;
}

/**
 * The year-by-year table, t = 1..H, with vₜ = (A + W) × aₜ × δₜ and its running total.
 * @param annualValue - A + W, currency per year
 * @param freq - orders per year
 * @param r - retention, a fraction per year
 * @param d - discount rate, a fraction per year
 * @param horizon - H, whole years
 */
export function yearRows(
  annualValue: number,
  freq: number,
  r: number,
  d: number,
  horizon: number,
): YearRow[] {
  const rows: YearRow[] = [];
  let runningTotal = 0;
  for (let year = 1; year <= horizon; year++) {
    const active = chanceActive(r, year);
    const margin = annualValue * active;
    // Discount the undiscounted margin (not a re-ordered product), so vₜ ≤ marginₜ holds exactly.
    const discountedValue = margin * discountFactor(d, year);
    runningTotal += discountedValue;
    rows.push({ year, chanceActive: active, orders: freq * active, margin, discountedValue, runningTotal });
  }
  return rows;
}

/**
 * All the results of the calculator for one set of inputs (docs/models.md §1).
 * @example computeSaleVsCustomer({ aov: 60, margin: 40, freq: 4, retention: 60, discount: 10, years: 10,
 *   cac: 50, referrals: 0 }) // sale 24, clv ≈ 210.7076, longRun 211.2, paybackMonths 7
 */
export function computeSaleVsCustomer(inputs: SaleVsCustomerInputs): SaleVsCustomerResults {
  const m = percentToFraction(inputs.margin);
  const r = percentToFraction(inputs.retention);
  const d = percentToFraction(inputs.discount);
  const sale = saleValue(inputs.aov, m);
  const annualValue = annualMargin(sale, inputs.freq) + annualReferralValue(sale, inputs.referrals);
  const rows = yearRows(annualValue, inputs.freq, r, d, inputs.years);
  const clv = rows.at(-1)?.runningTotal ?? 0; // years ≥ 1, so the last row exists
  // Summed from the same rows as clv, so clv ≤ clvUndiscounted holds exactly, term by term.
  const clvUndiscounted = rows.reduce((total, row) => total + row.margin, 0);
  const expectedYears = activeYears(r, inputs.years);
  return {
    sale,
    clv,
    clvUndiscounted,
    longRun: longRunValue(annualValue, r, d),
    activeYears: expectedYears,
    purchases: inputs.freq * expectedYears,
    multiple: ratioOrNull(clv, sale),
    net: clv - inputs.cac,
    clvToCac: ratioOrNull(clv, inputs.cac),
    paybackMonths: paybackMonths(
      inputs.cac,
      rows.map((row) => row.discountedValue),
    ),
    rows,
  };
}
