/**
 * The Subscriber value model (docs/models.md §3): what a new subscriber is worth when each subscriber has
 * their own chance of cancelling (sBG), beside what a single churn rate says, and what a current subscriber
 * is still worth by tenure. Payments fall at the start of each period, the first one undiscounted.
 *
 * Units: inputs in the spec's own units (percent numbers, currency, whole periods); results in currency,
 * periods or plain ratios. `null` is the spec's "undefined".
 */

import { discountedLifetime } from './discounted-lifetime';
import { countCohorts, fitSbg, sbgSurvivalCurve, type SbgFit, type UnfittableReason } from './sbg';

export type BillingPeriod = 'month' | 'year';

/** Inputs in the spec's units. */
export interface SubscriptionInputs {
  /** Payment per period, currency; > 0. */
  price: number;
  /** Gross margin on it, %; 0–100. */
  margin: number;
  period: BillingPeriod;
  /** Single churn rate, % per period; null when it is to come from `survival`. */
  churn: number | null;
  /** Cohorts: each a never-rising series N₀ … N_k; the URL carries at most one. Empty: single-rate view. */
  cohorts: readonly (readonly number[])[];
  /** Discount rate, % per year; 0–100. */
  discount: number;
  /** Horizon, whole years; 1–50. */
  years: number;
  /** Cost to win one subscriber, currency. */
  cac: number;
  /** Periods a current subscriber has already paid for; whole, 1–600. */
  tenure: number;
}

/** One period of the projection (and one point of the charts). */
export interface PeriodRow {
  /** t = 0 … N − 1 */
  period: number;
  /** The data's share still active after t renewals (all cohorts that reach t), or null beyond the data. */
  actualSurvival: number | null;
  /** sBG S(t); null without cohort data. */
  sbgSurvival: number | null;
  /** (1 − c)ᵗ */
  constantSurvival: number;
  /** sBG r(t) for t ≥ 1 (null at t = 0 or without data). */
  sbgRetention: number | null;
  /** The data's retention at renewal t, null where the data do not reach. */
  actualRetention: number | null;
}

export interface SubscriptionResults {
  /** M = price × margin: the margin of one payment. */
  marginPerPayment: number;
  /** Periods per year, 12 or 1. */
  periodsPerYear: number;
  /** dₚ, the discount rate per period, a fraction. */
  periodDiscount: number;
  /** N = years × periods per year. */
  horizonPeriods: number;
  /** The single churn rate used, a fraction, and where it came from. */
  churnRate: number;
  churnSource: 'entered' | 'from-survival';
  clvConstantChurn: number;
  /** Null with the reason when there are no cohort counts or they cannot be fitted. */
  fit: SbgFit | null;
  unfittable: UnfittableReason | 'no-data' | null;
  clv: number | null;
  /** Null also when the discount rate is 0 and α ≤ 1 (the lifetime sum diverges). */
  clvLongRun: number | null;
  /** Null at a zero discount rate, as the spec says. */
  residualValue: number | null;
  /** clv − clvConstantChurn. */
  clvDifference: number | null;
  /** First t with S(t) ≤ ½ (sBG), null without a fit or beyond {@link MEDIAN_SEARCH_LIMIT}. */
  medianLifetime: number | null;
  /** The same for the single rate: first t with (1 − c)ᵗ ≤ ½; null when c = 0. */
  medianLifetimeConstant: number | null;
  /** clv ÷ cac (or clvConstantChurn ÷ cac in the single-rate view); null when cac = 0. */
  clvToCac: number | null;
  /** Payments until the discounted margin covers cac; 0 when cac = 0; null beyond the horizon. */
  paybackPeriods: number | null;
  rows: PeriodRow[];
}

/** Tenures for which the residual value table is made (1 … 24), plus the one chosen. */
export const RESIDUAL_TABLE_TENURES = Array.from({ length: 24 }, (_, i) => i + 1);

/** The median search stops here: beyond 10,000 periods (833 years) "never, in practice" is the answer. */
export const MEDIAN_SEARCH_LIMIT = 10_000;

/** Periods per year for a billing period. */
export function periodsPerYear(period: BillingPeriod): number {
  return period === 'month' ? 12 : 1;
}

/**
 * The discount rate per period, dₚ = (1 + d)^(1/P) − 1, by expm1/log1p so that a small rate keeps its digits.
 * @param annualRate - a fraction per year
 * @example periodDiscountRate(0.1, 1) // 0.1
 */
export function periodDiscountRate(annualRate: number, perYear: number): number {
  return Math.expm1(Math.log1p(annualRate) / perYear);
}

/**
 * The single churn rate that meets a cohort's last point: c = 1 − (N_k/N₀)^(1/k).
 * @example churnFromSurvival([1000, 810]) // 0.19
 */
export function churnFromSurvival(series: readonly number[]): number {
  const k = series.length - 1;
  const first = series[0]!;
  const last = series[k]!;
  return 1 - Math.pow(last / first, 1 / k);
}

/** M Σₜ₌₀..N−1 qᵗ with q = (1 − c) x: the single-rate value (a geometric sum). */
export function constantChurnValue(margin: number, churn: number, x: number, periods: number): number {
  const q = (1 - churn) * x;
  if (q === 1) return margin * periods;
  return (margin * -Math.expm1(periods * Math.log(q))) / (1 - q);
}

/**
 * The residual value of a subscriber who has just paid for period n (Fader & Hardie 2010's DERL × M):
 * M (β + n − 1)/(α + β + n − 1) ₂F₁(1, β + n; α + β + n; x). Null at a zero discount rate (w = 0).
 */
export function residualValue(fit: SbgFit, margin: number, w: number, tenure: number): number | null {
  if (!(w > 0)) return null;
  const { alpha, beta } = fit;
  const renewal = (beta + tenure - 1) / (alpha + beta + tenure - 1);
  return margin * renewal * discountedLifetime(alpha, beta + tenure, w);
}

/** The data's survival by t: Σ Nₜ ÷ Σ N₀ over the cohorts whose series reach t. */
function actualSurvivalAt(cohorts: SubscriptionInputs['cohorts'], t: number): number | null {
  let active = 0;
  let started = 0;
  for (const series of cohorts) {
    if (series.length <= t) continue;
    active += series[t]!;
    started += series[0]!;
  }
  return started > 0 ? active / started : null;
}

/** The data's retention at renewal t: Σ Nₜ ÷ Σ Nₜ₋₁ over the cohorts that reach t. */
function actualRetentionAt(cohorts: SubscriptionInputs['cohorts'], t: number): number | null {
  if (t < 1) return null;
  let active = 0;
  let before = 0;
  for (const series of cohorts) {
    if (series.length <= t) continue;
    active += series[t]!;
    before += series[t - 1]!;
  }
  return before > 0 ? active / before : null;
}

/** First t with S(t) ≤ ½, walking the product of the retention rates r(1), r(2), …; null past the limit. */
export function medianOf(retentionAt: (t: number) => number): number | null {
  let survival = 1;
  for (let t = 1; t <= MEDIAN_SEARCH_LIMIT; t++) {
    survival *= retentionAt(t);
    if (survival <= 0.5 + 1e-12) return t; // S(t) = ½ exactly must count, though the product rounds above it
  }
  return null;
}

/** Payments (1, 2, …) until the running discounted margin reaches cac. */
function paybackOf(discountedMargins: readonly number[], cac: number): number | null {
  if (cac <= 0) return 0;
  let total = 0;
  for (let i = 0; i < discountedMargins.length; i++) {
    total += discountedMargins[i]!;
    if (total >= cac) return i + 1;
  }
  return null;
}

/** Every result of §3 for one set of inputs. */
export function computeSubscription(inputs: SubscriptionInputs): SubscriptionResults {
  const perYear = periodsPerYear(inputs.period);
  const marginPerPayment = inputs.price * (inputs.margin / 100);
  const periodDiscount = periodDiscountRate(inputs.discount / 100, perYear);
  const w = periodDiscount / (1 + periodDiscount);
  const x = 1 / (1 + periodDiscount);
  const horizonPeriods = inputs.years * perYear;
  const cohorts = inputs.cohorts.filter((series) => series.length >= 2);
  const firstCohort = cohorts[0];

  const churnSource = inputs.churn === null && firstCohort ? 'from-survival' : 'entered';
  const churnRate =
    inputs.churn !== null ? inputs.churn / 100 : firstCohort ? churnFromSurvival(firstCohort) : 0;
  const clvConstantChurn = constantChurnValue(marginPerPayment, churnRate, x, horizonPeriods);

  const fitted = cohorts.length > 0 ? fitSbg(countCohorts(cohorts)) : 'no-data';
  const fit = typeof fitted === 'string' ? null : fitted;
  const curve = fit ? sbgSurvivalCurve(fit, horizonPeriods) : null;

  const rows: PeriodRow[] = [];
  const discountedMargins: number[] = [];
  let discount = 1; // xᵗ
  for (let t = 0; t < horizonPeriods; t++) {
    const constantSurvival = Math.pow(1 - churnRate, t);
    const sbgSurvival = curve ? curve[t]! : null;
    rows.push({
      period: t,
      actualSurvival: actualSurvivalAt(cohorts, t),
      sbgSurvival,
      constantSurvival,
      sbgRetention: fit && t >= 1 ? (fit.beta + t - 1) / (fit.alpha + fit.beta + t - 1) : null,
      actualRetention: actualRetentionAt(cohorts, t),
    });
    discountedMargins.push(marginPerPayment * (sbgSurvival ?? constantSurvival) * discount);
    discount *= x;
  }

  const clv = fit ? discountedMargins.reduce((sum, v) => sum + v, 0) : null;
  const valueForCac = clv ?? clvConstantChurn;
  return {
    marginPerPayment,
    periodsPerYear: perYear,
    periodDiscount,
    horizonPeriods,
    churnRate,
    churnSource,
    clvConstantChurn,
    fit,
    unfittable: typeof fitted === 'string' ? fitted : null,
    clv,
    clvLongRun: fit ? longRunValue(fit, marginPerPayment, w) : null,
    residualValue: fit ? residualValue(fit, marginPerPayment, w, inputs.tenure) : null,
    clvDifference: clv === null ? null : clv - clvConstantChurn,
    medianLifetime: fit ? medianOf((t) => (fit.beta + t - 1) / (fit.alpha + fit.beta + t - 1)) : null,
    medianLifetimeConstant: churnRate > 0 ? medianOf(() => 1 - churnRate) : null,
    clvToCac: inputs.cac > 0 ? valueForCac / inputs.cac : null,
    paybackPeriods: paybackOf(discountedMargins, inputs.cac),
    rows,
  };
}

/** M ₂F₁(1, β; α + β; x); at a zero discount rate M (α + β − 1)/(α − 1), undefined when α ≤ 1. */
function longRunValue(fit: SbgFit, margin: number, w: number): number | null {
  if (w > 0) return margin * discountedLifetime(fit.alpha, fit.beta, w);
  return fit.alpha > 1 ? (margin * (fit.alpha + fit.beta - 1)) / (fit.alpha - 1) : null;
}
