/**
 * The discounted expected lifetime of an sBG cohort with no horizon (Fader & Hardie 2010):
 * DEL = Σₜ≥₀ S(t) xᵗ = ₂F₁(1, β; α + β; x), since S(t) = (β)ₜ/(α + β)ₜ. Near x = 1 (a small discount rate
 * per period) the Gauss series needs ~40/(1 − x) terms, so there it uses the connection formula for
 * z → 1 − z (Abramowitz & Stegun 15.3.6), which with a = 1 simplifies to
 * ₂F₁(1, β; α + β; x) = (α + β − 1)/(α − 1) ₂F₁(1, β; 2 − α; w) + π/(sin(πα) B(α, β)) w^(α−1) x^(1−α−β),
 * with w = 1 − x: two quickly converging pieces.
 */

import { hyp2f1, logBeta } from '../orders/models/special';

/** Below this w the direct series is slow (≥ ~800 terms), and the connection formula converges fast. */
const CONNECTION_BELOW_W = 0.05;
/** The connection formula's two terms are each ~1/dist(α, ℤ) and cancel: keep α this far from an integer. */
const INTEGER_GUARD = 1e-4;
/** Half the gap of the interpolation across an integer α (see {@link discountedLifetime}). */
const INTERPOLATION_STEP = 1e-5;

/**
 * ₂F₁(1, β; α + β; 1 − w) for α, β > 0 and 0 < w ≤ 1: to ~1e-12 relative, except within 1e-4 of an integer α
 * with w < 0.05 (~2e-11: a long series summed) and, there, with w ≲ 3e-6 (~3e-8: interpolated), far below a cent.
 * @param alpha - sBG α, > 0
 * @param beta - sBG β, > 0
 * @param w - 1 − x = dₚ/(1 + dₚ), the period discount factor's distance from 1; pass it, not x, so a tiny
 *   discount rate keeps its digits
 * @returns the sum; Infinity is never returned for w > 0 (the sum is at most 1/w)
 * @example discountedLifetime(1, 1, 0.5) // 2 ln 2 = 1.3862943611198906 (Σ xᵗ/(t + 1) at x = ½)
 */
export function discountedLifetime(alpha: number, beta: number, w: number): number {
  const x = 1 - w;
  if (w >= CONNECTION_BELOW_W) return hyp2f1(1, beta, alpha + beta, x);
  const distance = Math.abs(alpha - Math.round(alpha));
  if (distance >= INTEGER_GUARD) return connectionFormula(alpha, beta, w);
  const direct = hyp2f1(1, beta, alpha + beta, x);
  if (Number.isFinite(direct)) return direct;
  // α within 1e-4 of an integer and w so small that the series gives up (w ≲ 3e-6). Up to 1e-5 away the
  // formula loses at most 5 digits to cancellation; closer, interpolate between the formula at the integer
  // ± 1e-5, which is smooth in α: the error is ~(1e-5)² (ln w)²/2, below 3e-8 relative for w ≥ 1e-12.
  if (distance >= INTERPOLATION_STEP) return connectionFormula(alpha, beta, w);
  const integer = Math.round(alpha);
  const below = connectionFormula(integer - INTERPOLATION_STEP, beta, w);
  const above = connectionFormula(integer + INTERPOLATION_STEP, beta, w);
  const share = (alpha - (integer - INTERPOLATION_STEP)) / (2 * INTERPOLATION_STEP);
  return below + share * (above - below);
}

/** A&S 15.3.6 with a = 1, b = β, c = α + β (see the module comment); α not an integer. */
function connectionFormula(alpha: number, beta: number, w: number): number {
  const regular = ((alpha + beta - 1) / (alpha - 1)) * hyp2f1(1, beta, 2 - alpha, w);
  const singular =
    (Math.PI / (Math.sin(Math.PI * alpha) * Math.exp(logBeta(alpha, beta)))) *
    Math.exp((alpha - 1) * Math.log(w) + (1 - alpha - beta) * Math.log1p(-w));
  return regular + singular;
}

/**
 * The same sum term by term, Σₜ₌₀..terms−1 S(t) xᵗ: the finite version the closed form replaces, and its check.
 */
export function discountedLifetimeBySum(alpha: number, beta: number, w: number, terms: number): number {
  const x = 1 - w;
  // Neumaier's compensated sum: millions of terms summed plainly drift by ~1e-12, the precision checked
  let sum = 0;
  let compensation = 0;
  let term = 1; // S(t) xᵗ
  for (let t = 0; t < terms; t++) {
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
    term *= ((beta + t) / (alpha + beta + t)) * x;
  }
  return sum + compensation;
}
