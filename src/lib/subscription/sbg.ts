/**
 * The shifted-beta-geometric (sBG) model of subscriber survival (Fader & Hardie 2007; docs/models.md §3):
 * each subscriber cancels at each renewal with their own chance θ, and θ varies across subscribers as
 * beta(α, β). Pure functions, no DOM, so they run in a worker or a test alike.
 *
 * A cohort is the spec's series N₀, N₁, …, N_k: subscribers active at the start and after each renewal.
 */

import { logBeta, minimizePositive } from '../orders/models/special';

/** The two parameters of the beta mixing distribution. */
export interface SbgParameters {
  alpha: number;
  beta: number;
}

/** What {@link fitSbg} found. */
export interface SbgFit extends SbgParameters {
  /** The log-likelihood at (α, β), natural log. */
  logLikelihood: number;
  /** False when the optimiser stopped before its tolerance was met. */
  converged: boolean;
}

/** Why a set of cohorts cannot be fitted; see {@link checkCohortsFit}. */
export type UnfittableReason = 'no-cohorts' | 'no-cancellations' | 'no-survivors';

/**
 * Retention at renewal t ≥ 1: r(t) = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1).
 * @example sbgRetention({ alpha: 1, beta: 1 }, 1) // 0.5
 */
export function sbgRetention({ alpha, beta }: SbgParameters, t: number): number {
  return (beta + t - 1) / (alpha + beta + t - 1);
}

/**
 * S(0), S(1), …, S(periods − 1): the share of a new cohort still subscribed after t renewals,
 * S(t) = B(α, β + t)/B(α, β), built by the product of retention rates (exact, and no ln Γ differences).
 * @example sbgSurvivalCurve({ alpha: 1, beta: 1 }, 3) // [1, 0.5, 0.3333…]
 */
export function sbgSurvivalCurve(parameters: SbgParameters, periods: number): number[] {
  const curve: number[] = [];
  let survival = 1;
  for (let t = 0; t < periods; t++) {
    if (t > 0) survival *= sbgRetention(parameters, t);
    curve.push(survival);
  }
  return curve;
}

/**
 * The cohorts' data reduced to what the likelihood needs: how many cancelled at each renewal t (all cohorts
 * together) and how many were still active where each cohort's series ends (right-censored at k).
 */
export interface CohortCounts {
  /** cancelled[t − 1] = Σ over cohorts of (Nₜ₋₁ − Nₜ), for t = 1 … longest k */
  cancelled: number[];
  /** censored[k − 1] = Σ over cohorts whose series ends at k of N_k */
  censored: number[];
}

/**
 * Sums several cohorts' series into {@link CohortCounts}; each series must be never-rising counts with at
 * least two entries (the codec and the table reader check this before).
 */
export function countCohorts(cohorts: readonly (readonly number[])[]): CohortCounts {
  const longest = Math.max(0, ...cohorts.map((series) => series.length - 1));
  const cancelled = new Array<number>(longest).fill(0);
  const censored = new Array<number>(longest).fill(0);
  for (const series of cohorts) {
    const k = series.length - 1;
    if (k < 1) continue;
    for (let t = 1; t <= k; t++) cancelled[t - 1]! += series[t - 1]! - series[t]!;
    censored[k - 1]! += series[k]!;
  }
  return { cancelled, censored };
}

/**
 * The sBG log-likelihood: Σₜ cancelledₜ ln P(T = t) + Σₖ censoredₖ ln S(k), with P(T = t) = S(t − 1) − S(t)
 * = S(t − 1)(1 − r(t)). Terms with a zero count add nothing (so 0 × ln 0 is never formed).
 */
export function sbgLogLikelihood(parameters: SbgParameters, counts: CohortCounts): number {
  let total = 0;
  let logSurvival = 0; // ln S(t − 1)
  for (let t = 1; t <= counts.cancelled.length; t++) {
    const retention = sbgRetention(parameters, t);
    const cancelled = counts.cancelled[t - 1]!;
    if (cancelled > 0) total += cancelled * (logSurvival + Math.log1p(-retention));
    logSurvival += Math.log(retention);
    const censored = counts.censored[t - 1]!;
    if (censored > 0) total += censored * logSurvival;
  }
  return total;
}

/**
 * The same log-likelihood summed the long way, from the beta functions, for checking the fast one:
 * P(T = t) = B(α + 1, β + t − 1)/B(α, β) and S(t) = B(α, β + t)/B(α, β).
 */
export function sbgLogLikelihoodDirect({ alpha, beta }: SbgParameters, counts: CohortCounts): number {
  const logB = logBeta(alpha, beta);
  let total = 0;
  for (let t = 1; t <= counts.cancelled.length; t++) {
    const cancelled = counts.cancelled[t - 1]!;
    const censored = counts.censored[t - 1]!;
    if (cancelled > 0) total += cancelled * (logBeta(alpha + 1, beta + t - 1) - logB);
    if (censored > 0) total += censored * (logBeta(alpha, beta + t) - logB);
  }
  return total;
}

/**
 * Whether the counts can be fitted: the maximum lies inside the parameter space only when somebody
 * cancelled (else θ → 0) and somebody stayed past a renewal (else θ → 1).
 * @returns null when they can, or the reason they cannot
 */
export function checkCohortsFit(counts: CohortCounts): UnfittableReason | null {
  const cancelled = counts.cancelled.reduce((sum, n) => sum + n, 0);
  const censored = counts.censored.reduce((sum, n) => sum + n, 0);
  if (cancelled + censored === 0) return 'no-cohorts';
  if (cancelled === 0) return 'no-cancellations';
  // someone survived a renewal: either still active at the end, or cancelled at t ≥ 2
  if (censored === 0 && counts.cancelled.slice(1).every((n) => n === 0)) return 'no-survivors';
  return null;
}

/** Beyond this, α and β only say "everyone has the same θ"; capping keeps the optimiser from wandering. */
const PARAMETER_CEILING = 1e6;

/**
 * Fits α and β by maximum likelihood (Nelder–Mead on ln α, ln β, from α = β = 1, with restarts).
 * @returns the fit, or the reason the counts cannot be fitted
 */
export function fitSbg(counts: CohortCounts): SbgFit | UnfittableReason {
  const reason = checkCohortsFit(counts);
  if (reason) return reason;
  const negativeLogLikelihood = (p: Float64Array): number => {
    const alpha = p[0]!;
    const beta = p[1]!;
    if (alpha > PARAMETER_CEILING || beta > PARAMETER_CEILING) return Number.POSITIVE_INFINITY;
    return -sbgLogLikelihood({ alpha, beta }, counts);
  };
  const run = minimizePositive(negativeLogLikelihood, [1, 1], { tolerance: 1e-12, restarts: 4 });
  const [alpha = Number.NaN, beta = Number.NaN] = run.x;
  return { alpha, beta, logLikelihood: -run.value, converged: run.converged };
}
