/**
 * The gradient and Hessian of the BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6, as bgnbd.ts
 * computes it) in (r, α, a, b), for the Newton steps that finish a fit on many customers (newton.ts).
 * Each customer's term is ln Γ(r + x) − ln Γ(r) + r ln α + [x > 0] ln[B(a, b + x)/B(a, b)]
 * − (r + x) ln(α + T) + [x > 0] softplus(d), with d = ln a − ln(b + x − 1) + (r + x) ln[(α + T)/(α + tₓ)]
 * and softplus(d) = ln(1 + eᵈ); its derivatives follow by the chain rule, as written beside each sum.
 */
import type { GroupedCustomers } from './bgnbd';
import type { Derivatives } from './newton';
import { logGamma } from './special';
import { digamma, trigamma } from './polygamma';

/** Parameter order in the gradient and Hessian. */
const R = 0;
const ALPHA = 1;
const A = 2;
const B = 3;

/**
 * A function of (r, α, a, b) giving −log-likelihood, its gradient and its Hessian (row-major 4 × 4), for
 * grouped customers: the form {@link newtonPositive} minimises.
 */
export function negativeLogLikelihoodDerivatives(
  grouped: GroupedCustomers,
): (p: Float64Array) => Derivatives {
  const { distinctX, countByX, distinctT, distinctTx, zeroCountByT } = grouped;
  const { groupX, groupT, groupTx, groupCount } = grouped;
  const logAlphaT = new Float64Array(distinctT.length);
  const inverseAlphaT = new Float64Array(distinctT.length);
  const logAlphaTx = new Float64Array(distinctTx.length);
  const inverseAlphaTx = new Float64Array(distinctTx.length);
  const logDropWeight = new Float64Array(distinctX.length);
  const inverseBx = new Float64Array(distinctX.length); // 1/(b + x − 1)
  return (p) => {
    const [r, alpha, a, b] = p as unknown as [number, number, number, number];
    const g = new Float64Array(4);
    const h = new Float64Array(16);
    const add = (i: number, j: number, value: number) => (h[i * 4 + j]! += value);
    const logAlpha = Math.log(alpha);
    let value = 0;
    // Per distinct x: the Γ and B terms.
    for (let i = 0; i < distinctX.length; i++) {
      const x = distinctX[i]!;
      const n = countByX[i]!;
      value += n * (logGamma(r + x) - logGamma(r) + r * logAlpha);
      g[R]! += n * (digamma(r + x) - digamma(r) + logAlpha);
      g[ALPHA]! += (n * r) / alpha;
      add(R, R, n * (trigamma(r + x) - trigamma(r)));
      add(R, ALPHA, n / alpha);
      add(ALPHA, ALPHA, (-n * r) / (alpha * alpha));
      if (x > 0) {
        value += n * (logGamma(b + x) - logGamma(b) - logGamma(a + b + x) + logGamma(a + b));
        const common = digamma(a + b) - digamma(a + b + x);
        g[A]! += n * common;
        g[B]! += n * (digamma(b + x) - digamma(b) + common);
        const curvature = trigamma(a + b) - trigamma(a + b + x);
        add(A, A, n * curvature);
        add(A, B, n * curvature);
        add(B, B, n * (trigamma(b + x) - trigamma(b) + curvature));
        logDropWeight[i] = Math.log(a) - Math.log(b + x - 1);
        inverseBx[i] = 1 / (b + x - 1);
      }
    }
    // Per distinct T: customers with x = 0, whose term is −r ln(α + T).
    for (let i = 0; i < distinctT.length; i++) {
      logAlphaT[i] = Math.log(alpha + distinctT[i]!);
      inverseAlphaT[i] = 1 / (alpha + distinctT[i]!);
      const n = zeroCountByT[i]!;
      const u = inverseAlphaT[i]!;
      value -= n * r * logAlphaT[i]!;
      g[R]! -= n * logAlphaT[i]!;
      g[ALPHA]! -= n * r * u;
      add(R, ALPHA, -n * u);
      add(ALPHA, ALPHA, n * r * u * u);
    }
    for (let i = 0; i < distinctTx.length; i++) {
      logAlphaTx[i] = Math.log(alpha + distinctTx[i]!);
      inverseAlphaTx[i] = 1 / (alpha + distinctTx[i]!);
    }
    // Per group of repeat buyers: −k ln(α + T) + softplus(d), k = r + x. With s = σ(d), s′ = s(1 − s):
    // ∂softplus/∂θ = s ∂d/∂θ and ∂²softplus/∂θ∂φ = s′ ∂d/∂θ ∂d/∂φ + s ∂²d/∂θ∂φ, where ∂d/∂r = Δ = ln(α+T) −
    // ln(α+tₓ), ∂d/∂α = k e, e = 1/(α+T) − 1/(α+tₓ), ∂d/∂a = 1/a, ∂d/∂b = −w, w = 1/(b+x−1); ∂²d/∂r∂α = e,
    // ∂²d/∂α² = k (1/(α+tₓ)² − 1/(α+T)²), ∂²d/∂a² = −1/a², ∂²d/∂b² = w²; the rest 0.
    // Sums that share a factor 1/a are collected and divided once, after the loop.
    let sumS = 0;
    let sumSprimeDelta = 0;
    let sumSprimeKe = 0;
    let sumSprime = 0;
    let sumSprimeW = 0;
    for (let group = 0; group < groupCount.length; group++) {
      const ix = groupX[group]!;
      const n = groupCount[group]!;
      const k = r + distinctX[ix]!;
      const w = inverseBx[ix]!;
      const logT = logAlphaT[groupT[group]!]!;
      const u = inverseAlphaT[groupT[group]!]!;
      const v = inverseAlphaTx[groupTx[group]!]!;
      const delta = logT - logAlphaTx[groupTx[group]!]!;
      const e = u - v;
      const d = logDropWeight[ix]! + k * delta;
      const expMinus = Math.exp(-Math.abs(d));
      const s = d > 0 ? 1 / (1 + expMinus) : expMinus / (1 + expMinus);
      const sPrime = s * (1 - s);
      value += n * ((d > 0 ? d : 0) + Math.log1p(expMinus) - k * logT);
      const ke = k * e;
      g[R]! += n * (s * delta - logT);
      g[ALPHA]! += n * (s * ke - k * u);
      g[B]! -= n * s * w;
      sumS += n * s;
      add(R, R, n * sPrime * delta * delta);
      add(R, ALPHA, n * (sPrime * delta * ke + s * e - u));
      add(R, B, -n * sPrime * delta * w);
      add(ALPHA, ALPHA, n * (sPrime * ke * ke + s * k * (v * v - u * u) + k * u * u));
      add(ALPHA, B, -n * sPrime * ke * w);
      add(B, B, n * (sPrime + s) * w * w);
      sumSprimeDelta += n * sPrime * delta;
      sumSprimeKe += n * sPrime * ke;
      sumSprime += n * sPrime;
      sumSprimeW += n * sPrime * w;
    }
    g[A]! += sumS / a;
    add(R, A, sumSprimeDelta / a);
    add(ALPHA, A, sumSprimeKe / a);
    add(A, A, (sumSprime - sumS) / (a * a));
    add(A, B, -sumSprimeW / a);
    // Fill the lower triangle and negate: the optimiser minimises −ln L.
    const hessian = new Float64Array(16);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) hessian[i * 4 + j] = -(i <= j ? h[i * 4 + j]! : h[j * 4 + i]!);
    return { value: -value, gradient: g.map((component) => -component), hessian };
  };
}
