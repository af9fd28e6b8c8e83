/**
 * How many repeat purchases a new customer makes in their first t weeks, under BG/NBD: P(X(t) = x), the
 * paper's eq. 8 (Fader, Hardie & Lee 2005). The calibration frequency histogram compares it with the counts.
 */
import type { BgnbdParams } from '../models/bgnbd';
import { logBeta, logGamma } from '../models/special';

/**
 * P(X(t) = x) = B(a, b + x)/B(a, b) · Γ(r + x)/(Γ(r) x!) · (α/(α+t))^r (t/(α+t))^x
 *   + δ(x > 0) B(a + 1, b + x − 1)/B(a, b) · [1 − (α/(α+t))^r Σ_{j<x} Γ(r + j)/(Γ(r) j!) (t/(α+t))^j].
 * @param params - r, α (per week), a, b
 * @param x - repeat purchases, a whole number ≥ 0
 * @param t - weeks since the first purchase, ≥ 0
 * @example repeatProbability({ r: 1, alpha: 1, a: 1, b: 1 }, 1, 1) // 0.375 = ½ · ¼ + ½ · ½
 */
export function repeatProbability(params: BgnbdParams, x: number, t: number): number {
  const { r, alpha, a, b } = params;
  if (t === 0) return x === 0 ? 1 : 0;
  const logStay = r * (Math.log(alpha) - Math.log(alpha + t)); // ln (α/(α+t))^r
  const z = t / (alpha + t);
  const first = Math.exp(
    logBeta(a, b + x) -
      logBeta(a, b) +
      logGamma(r + x) -
      logGamma(r) -
      logGamma(x + 1) +
      logStay +
      (x === 0 ? 0 : x * Math.log(z)),
  );
  if (x === 0) return first;
  let term = 1; // Γ(r + j)/(Γ(r) j!) z^j at j = 0
  let sum = 0;
  for (let j = 0; j < x; j++) {
    sum += term;
    term *= ((r + j) / (j + 1)) * z;
  }
  const atLeastX = Math.max(0, 1 - Math.exp(logStay) * sum);
  return first + Math.exp(logBeta(a + 1, b + x - 1) - logBeta(a, b)) * atLeastX;
}
