/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "'Counting Your Customers' the Easy Way",
 * Marketing Science 24(2); docs/sources.md "Data-driven lifetime value"): while active, a customer buys as
 * a Poisson process with rate λ ~ Gamma(r, α); after each repeat purchase they drop out for good with
 * probability p ~ Beta(a, b). One concept per pure function; {@link fitBgnbd} estimates (r, α, a, b) by
 * maximum likelihood from per-customer summaries.
 *
 * Units: times in weeks (any unit works if T, tₓ, t and so α share it; α is in that unit, r, a, b have none).
 * Runs in a Web Worker: no DOM, no Node APIs, no dependencies.
 */

import { negativeLogLikelihoodDerivatives } from './bgnbd-derivatives';
import { newtonPositive } from './newton';
import { hyp2f1Excess, logAddExp, logBeta, logGamma, minimizePositive } from './special';

/** The model's parameters; all positive. */
export interface BgnbdParams {
  /** Shape of the gamma distribution of purchase rates λ. */
  r: number;
  /** Rate (inverse scale) of that gamma distribution, in weeks: the mean λ is r/α purchases per week. */
  alpha: number;
  /** First shape of the beta distribution of the dropout probability p. */
  a: number;
  /** Second shape of that beta distribution: the mean p is a/(a + b). */
  b: number;
}

/** One customer's calibration-period summary (or `count` customers with the same one). */
export interface CustomerSummary {
  /** Repeat purchases: purchases after the first; a whole number ≥ 0. */
  x: number;
  /** Time of the last repeat purchase, weeks after the first purchase; 0 ≤ tₓ ≤ T; ignored when x = 0. */
  tx: number;
  /** Age: weeks from the first purchase to the end of the calibration period; ≥ 0. */
  T: number;
  /** How many customers have exactly this summary; default 1; 0 leaves them out. */
  count?: number;
}

/** What {@link fitBgnbd} found. */
export interface BgnbdFit extends BgnbdParams {
  /** The log-likelihood at the fitted parameters (natural log, summed over customers). */
  logLikelihood: number;
  /** Newton steps, plus Nelder–Mead's iterations summed over its restarts when it had to take over. */
  iterations: number;
  /** True when the optimiser met its tolerance and a restart no longer improved on it. */
  converged: boolean;
}

/** Options of {@link fitBgnbd}. */
export interface BgnbdFitOptions {
  /** Where the search starts; default r = 1, α = the mean age T, a = 1, b = 1. */
  start?: BgnbdParams;
  /** Iterations per Nelder–Mead run; default 2000. */
  maxIterations?: number;
  /** Relative tolerance on the log-likelihood; default 1e-10. */
  tolerance?: number;
  /** Fresh Nelder–Mead runs from the best point after the first; default 2. */
  restarts?: number;
}

const PARAM_NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** Throws a RangeError unless every parameter is a positive finite number. */
function checkParams(params: BgnbdParams): void {
  for (const name of PARAM_NAMES) {
    const value = params[name];
    if (!(value > 0 && value < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`BG/NBD parameter ${name} must be a positive finite number, got ${value}`);
    }
  }
}

/** Throws a RangeError unless the summary is possible: whole x ≥ 0, finite T ≥ 0, 0 ≤ tₓ ≤ T when x > 0. */
function checkCustomer(customer: CustomerSummary): void {
  const { x, tx, T, count = 1 } = customer;
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`x must be a whole number ≥ 0, got ${x}`);
  if (!(T >= 0 && T < Number.POSITIVE_INFINITY)) throw new RangeError(`T must be finite and ≥ 0, got ${T}`);
  if (x > 0 && !(tx >= 0 && tx <= T)) throw new RangeError(`tx must lie in [0, T = ${T}], got ${tx}`);
  if (!(count >= 0 && count < Number.POSITIVE_INFINITY)) {
    throw new RangeError(`count must be finite and ≥ 0, got ${count}`);
  }
}

/**
 * One customer's log-likelihood (the paper's eq. 6, one term):
 * ln[Γ(r + x) α^r / Γ(r)] + ln[B(a, b + x) / B(a, b)]
 * + ln[(α + T)^−(r+x) + δ(x > 0) a/(b + x − 1) (α + tₓ)^−(r+x)],
 * the last term as a log-sum-exp so that neither power underflows. `count` is ignored here.
 * @param params - r, α (per week), a, b
 * @param customer - x repeat purchases, the last at tₓ weeks, age T weeks
 * @returns the natural log of the customer's likelihood
 * @throws RangeError for a parameter that is not positive and finite, or an impossible summary
 * @example customerLogLikelihood({ r: 1, alpha: 1, a: 1, b: 1 }, { x: 0, tx: 0, T: 1 }) // −0.693… = ln(1/2)
 */
export function customerLogLikelihood(params: BgnbdParams, customer: CustomerSummary): number {
  checkParams(params);
  checkCustomer(customer);
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  const purchases = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const aliveAtT = -(r + x) * Math.log(alpha + T);
  if (x === 0) return purchases + aliveAtT; // B(a, b)/B(a, b) = 1: no repeat purchase, no dropout chance
  const dropouts = logBeta(a, b + x) - logBeta(a, b);
  const goneAfterTx = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return purchases + dropouts + logAddExp(aliveAtT, goneAfterTx);
}

/**
 * Customers grouped by identical (x, tₓ, T), laid out as typed arrays so that one evaluation of the
 * log-likelihood allocates nothing: ln(α + T) and ln(α + tₓ) are computed once per distinct value, the
 * Γ and B terms once per distinct x, and customers with x = 0 (usually most) once per distinct T.
 */
export interface GroupedCustomers {
  /** Number of customers (the sum of the counts). */
  total: number;
  /** Mean age T over the customers. */
  meanT: number;
  distinctX: Float64Array;
  countByX: Float64Array;
  distinctT: Float64Array;
  distinctTx: Float64Array;
  /** Customers with x = 0, by index into distinctT. */
  zeroCountByT: Float64Array;
  /** Groups of repeat buyers (x > 0): index into distinctX, distinctT, distinctTx, and their count. */
  groupX: Int32Array;
  groupT: Int32Array;
  groupTx: Int32Array;
  groupCount: Float64Array;
}

/** Index of value in the list, appending it when new. */
function indexOf(value: number, indices: Map<number, number>, list: number[]): number {
  let index = indices.get(value);
  if (index === undefined) {
    index = list.length;
    indices.set(value, index);
    list.push(value);
  }
  return index;
}

/** Each index of a group's numeric key is below this (2^17), so the key stays an exact integer. */
const KEY_SPAN = 131_072;

/** Validates and groups the customers (see {@link GroupedCustomers}). */
export function groupCustomers(customers: readonly CustomerSummary[]): GroupedCustomers {
  const xs: number[] = [];
  const ts: number[] = [];
  const txs: number[] = [];
  const xIndex = new Map<number, number>();
  const tIndex = new Map<number, number>();
  const txIndex = new Map<number, number>();
  const countByX: number[] = [];
  const zeroCountByT: number[] = [];
  const groups = new Map<number | string, number>();
  const groupX: number[] = [];
  const groupT: number[] = [];
  const groupTx: number[] = [];
  const groupCount: number[] = [];
  let total = 0;
  let ageSum = 0;
  for (const customer of customers) {
    checkCustomer(customer);
    const count = customer.count ?? 1;
    if (count === 0) continue;
    total += count;
    ageSum += count * customer.T;
    const ix = indexOf(customer.x, xIndex, xs);
    countByX[ix] = (countByX[ix] ?? 0) + count;
    const it = indexOf(customer.T, tIndex, ts);
    if (customer.x === 0) {
      zeroCountByT[it] = (zeroCountByT[it] ?? 0) + count;
      continue;
    }
    const itx = indexOf(customer.tx, txIndex, txs);
    // A number packs the three indices while each fits in 17 bits (always, at a daily resolution); a
    // string, which no number can equal, beyond.
    const key =
      it < KEY_SPAN && itx < KEY_SPAN && ix < KEY_SPAN
        ? (ix * KEY_SPAN + it) * KEY_SPAN + itx
        : `${ix} ${it} ${itx}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, groupCount.length);
      groupX.push(ix);
      groupT.push(it);
      groupTx.push(itx);
      groupCount.push(count);
    } else {
      groupCount[group]! += count;
    }
  }
  return {
    total,
    meanT: total > 0 ? ageSum / total : 0,
    distinctX: Float64Array.from(xs),
    countByX: Float64Array.from(countByX),
    distinctT: Float64Array.from(ts),
    distinctTx: Float64Array.from(txs),
    zeroCountByT: Float64Array.from(ts, (_, i) => zeroCountByT[i] ?? 0),
    groupX: Int32Array.from(groupX),
    groupT: Int32Array.from(groupT),
    groupTx: Int32Array.from(groupTx),
    groupCount: Float64Array.from(groupCount),
  };
}

/**
 * The total log-likelihood as a function of (r, α, a, b), for grouped customers; its scratch arrays are
 * allocated once, here, so the optimiser's thousands of calls allocate nothing. Unchecked parameters: the
 * optimiser only passes positive ones (a non-finite result tells it to look elsewhere).
 */
function logLikelihoodFunction(
  grouped: GroupedCustomers,
): (r: number, alpha: number, a: number, b: number) => number {
  const { distinctX, countByX, distinctT, distinctTx, zeroCountByT } = grouped;
  const { groupX, groupT, groupTx, groupCount } = grouped;
  const logAlphaT = new Float64Array(distinctT.length);
  const logAlphaTx = new Float64Array(distinctTx.length);
  const logDropWeight = new Float64Array(distinctX.length); // ln[a/(b + x − 1)] by distinct x
  return (r, alpha, a, b) => {
    const logAlpha = Math.log(alpha);
    const logGammaR = logGamma(r);
    const logGammaB = logGamma(b);
    const logGammaAB = logGamma(a + b);
    const logA = Math.log(a);
    let sum = 0;
    for (let i = 0; i < distinctX.length; i++) {
      const x = distinctX[i]!;
      // ln[Γ(r + x) α^r / Γ(r)] + ln[B(a, b + x)/B(a, b)], the Γ(a) of the two betas cancelling
      let term = logGamma(r + x) - logGammaR + r * logAlpha;
      if (x > 0) term += logGamma(b + x) - logGammaB - logGamma(a + b + x) + logGammaAB;
      sum += countByX[i]! * term;
      logDropWeight[i] = x > 0 ? logA - Math.log(b + x - 1) : 0;
    }
    for (let i = 0; i < distinctT.length; i++) {
      logAlphaT[i] = Math.log(alpha + distinctT[i]!);
      sum -= zeroCountByT[i]! * r * logAlphaT[i]!; // x = 0: ln (α + T)^−r
    }
    for (let i = 0; i < distinctTx.length; i++) logAlphaTx[i] = Math.log(alpha + distinctTx[i]!);
    for (let g = 0; g < groupCount.length; g++) {
      const ix = groupX[g]!;
      const power = r + distinctX[ix]!;
      const logT = logAlphaT[groupT[g]!]!;
      // ln[(α+T)^−k + w (α+tₓ)^−k] = −k ln(α+T) + ln(1 + e^d), d = ln w + k [ln(α+T) − ln(α+tₓ)]
      const d = logDropWeight[ix]! + power * (logT - logAlphaTx[groupTx[g]!]!);
      const softplus = d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
      sum += groupCount[g]! * (softplus - power * logT);
    }
    return sum;
  };
}

/**
 * The BG/NBD log-likelihood of a customer base: the sum over customers (times their counts) of
 * {@link customerLogLikelihood}, computed on grouped summaries in log space.
 * @param params - r, α (per week), a, b
 * @param customers - summaries, each standing for `count` customers (default 1)
 * @returns the natural log of the likelihood; 0 for no customers
 * @throws RangeError for a parameter that is not positive and finite, or an impossible summary
 * @example bgnbdLogLikelihood({ r: 1, alpha: 1, a: 1, b: 1 }, [{ x: 0, tx: 0, T: 1, count: 2 }]) // 2 ln(1/2)
 */
export function bgnbdLogLikelihood(params: BgnbdParams, customers: readonly CustomerSummary[]): number {
  checkParams(params);
  return logLikelihoodFunction(groupCustomers(customers))(params.r, params.alpha, params.a, params.b);
}

/** Above this many customers, {@link fitBgnbd} first fits a thinned copy of them to start from. */
export const WARM_START_CUSTOMERS = 50_000;
/** The starting simplex's size (on the log scale) after such a warm start: the optimum is near. */
export const WARM_START_STEP = 0.05;

/** Every k-th customer, k chosen to keep about `size` of them, each standing for k. */
export function thinned<T extends { count?: number }>(customers: readonly T[], size: number): T[] {
  const k = Math.ceil(customers.length / size);
  const kept: T[] = [];
  for (let index = 0; index < customers.length; index += k) {
    const customer = customers[index]!;
    kept.push({ ...customer, count: (customer.count ?? 1) * k });
  }
  return kept;
}

/**
 * Maximum-likelihood estimates of (r, α, a, b), on the log-parameters (so they stay positive): damped
 * Newton steps (newton.ts) from the start, with Nelder–Mead, restarted until a restart
 * no longer helps (see {@link minimizePositive}), only should they not converge; above
 * {@link WARM_START_CUSTOMERS} customers the start is a fit to a thinned copy of them.
 * Identical summaries are grouped first, so data at daily resolution fit in a fraction of a second.
 *
 * a and b are weakly identified: the data pin down the mean dropout probability a/(a + b) far better than
 * a and b themselves, so expect wide uncertainty (and `converged: false` more often) in those two.
 * @param customers - summaries, each standing for `count` customers (default 1)
 * @param options - start, iterations, tolerance, restarts
 * @returns the estimates, the log-likelihood there, iterations used, and whether the search converged
 * @throws RangeError for an impossible summary, or when no customer made a repeat purchase (then the
 *   likelihood keeps rising as purchase rates go to 0 and has no maximum to find)
 */
export function fitBgnbd(customers: readonly CustomerSummary[], options: BgnbdFitOptions = {}): BgnbdFit {
  const grouped = groupCustomers(customers);
  if (grouped.groupCount.length === 0) {
    throw new RangeError('BG/NBD needs at least one customer with a repeat purchase to fit');
  }
  // Many customers: a fit to every k-th of them lands near the answer in a fraction of the time, and the
  // full fit then starts there, needing only a few of its costly passes over the data.
  const warm = options.start === undefined && customers.length > WARM_START_CUSTOMERS;
  const start =
    options.start ??
    (warm
      ? fitBgnbd(thinned(customers, WARM_START_CUSTOMERS))
      : { r: 1, alpha: Math.max(grouped.meanT, 1), a: 1, b: 1 });
  checkParams(start);
  const startAt = [start.r, start.alpha, start.a, start.b];
  // Newton steps (one pass over the data each) reach the maximum in a few passes where Nelder–Mead needs
  // hundreds, and do not wander along a flat ridge as it can; should they not converge, Nelder–Mead carries
  // on from where they got to.
  const newton = newtonPositive(negativeLogLikelihoodDerivatives(grouped), startAt, {
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
  });
  if (newton.converged) {
    const [r = Number.NaN, alpha = Number.NaN, a = Number.NaN, b = Number.NaN] = newton.x;
    return { r, alpha, a, b, logLikelihood: -newton.value, iterations: newton.iterations, converged: true };
  }
  const logLikelihood = logLikelihoodFunction(grouped);
  const best = minimizePositive((p) => -logLikelihood(p[0]!, p[1]!, p[2]!, p[3]!), newton.x, {
    ...(warm ? { initialStep: WARM_START_STEP } : {}),
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
    ...(options.restarts === undefined ? {} : { restarts: options.restarts }),
  });
  const [r = Number.NaN, alpha = Number.NaN, a = Number.NaN, b = Number.NaN] = best.x;
  return {
    r,
    alpha,
    a,
    b,
    logLikelihood: -best.value,
    iterations: newton.iterations + best.iterations,
    converged: best.converged,
  };
}

/**
 * Probability that a customer with this history is still active at the end of the calibration period:
 * P(alive | x, tₓ, T) = 1 / (1 + δ(x > 0) a/(b + x − 1) · ((α + T)/(α + tₓ))^(r+x)).
 * Nobody drops out before their first repeat purchase, so it is exactly 1 when x = 0.
 * @param params - r, α (per week), a, b
 * @param customer - x repeat purchases, the last at tₓ weeks, age T weeks
 * @returns a probability in (0, 1]; 0 only when the true value is below the smallest double
 * @throws RangeError for a parameter that is not positive and finite, or an impossible summary
 * @example probabilityAlive({ r: 1, alpha: 1, a: 1, b: 1 }, { x: 2, tx: 1, T: 3 }) // 0.2 = 1/(1 + ½ · 2³)
 */
export function probabilityAlive(params: BgnbdParams, customer: CustomerSummary): number {
  checkParams(params);
  checkCustomer(customer);
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  if (x === 0) return 1;
  // ln of the odds of having dropped out; ln((α+T)/(α+tₓ)) as log1p keeps T close to tₓ exact
  const logOddsGone = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return 1 / (1 + Math.exp(logOddsGone));
}

/**
 * c [1 − (1 − z)^s ₂F₁(u, s; c; z)] / s, the bracket of the BG/NBD expectations, written so that nothing
 * is divided by s or c: with ₂F₁(u, s; c; z) = 1 + (us/c) E(u, s, c; z) ({@link hyp2f1Excess}) and
 * L = ln(1 − z), it is c (1 − e^(sL))/s − e^(sL) u E(u, s, c; z), where (1 − e^(sL))/s = −expm1(sL)/s,
 * which tends to −L as s → 0.
 * @param logOneMinusZ - L = ln(1 − z), passed in because the caller has it without rounding
 */
function scaledBracket(u: number, s: number, c: number, z: number, logOneMinusZ: number): number {
  const decay = Math.exp(s * logOneMinusZ);
  const firstPart = s === 0 ? -logOneMinusZ : -Math.expm1(s * logOneMinusZ) / s;
  return c * firstPart - decay * u * hyp2f1Excess(u, s, c, z);
}

/**
 * Expected repeat purchases in the next t weeks by a customer with this history (the paper's eq. 10):
 * E[Y(t) | x, tₓ, T] = (a + b + x − 1)/(a − 1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)]
 * · P(alive | x, tₓ, T), with z = t/(α + T + t).
 *
 * Computed as written it is 0/0 at a = 1 and loses digits near it, is 0 · ∞ at a + b + x = 1, and its ₂F₁
 * overflows for large x. With ε = a − 1, c = a + b + x − 1, k = r + x, L = ln(1 − z) = ln((α+T)/(α+T+t)) and
 * a′ = a + b − 1 − r, Euler's transformation ₂F₁(k, b+x; c; z) = (1 − z)^(ε−k) ₂F₁(a′, ε; c; z) turns the
 * first factors into c [1 − e^(εL) ₂F₁(a′, ε; c; z)]/ε = {@link scaledBracket}(a′, ε, c), which is exact at
 * ε = 0; so E[Y(t) | …] = scaledBracket(a′, ε, c) · P(alive). That series' terms grow like j^(ε−k−1) zʲ,
 * so when ε > k (a > 1 + r + x, far from a = 1) it uses the untransformed ₂F₁(b+x, k; c; z), whose terms
 * fall instead: c [1 − e^(kL) ₂F₁(b+x, k; c; z)]/ε = (k/ε) scaledBracket(b+x, k, c).
 *
 * The expectation is finite for every finite t (no more than a customer who never drops out would buy), and
 * the paper's formula holds for a < 1 too: its CDNOW fit has a = 0.793.
 * @param params - r, α (per week), a, b
 * @param customer - x repeat purchases, the last at tₓ weeks, age T weeks
 * @param t - weeks ahead, ≥ 0
 * @returns expected repeat purchases, ≥ 0; 0 at t = 0; NaN when t/(α + T + t) is within ~3e-6 of 1 (the
 *   series would need more than 10⁷ terms)
 * @throws RangeError for a parameter that is not positive and finite, an impossible summary, or t < 0
 * @example conditionalExpectedPurchases({ r: 1, alpha: 1, a: 1, b: 1 }, { x: 0, tx: 0, T: 1 }, 2) // ln 2
 */
export function conditionalExpectedPurchases(
  params: BgnbdParams,
  customer: CustomerSummary,
  t: number,
): number {
  checkParams(params);
  checkCustomer(customer);
  if (!(t >= 0 && t < Number.POSITIVE_INFINITY)) throw new RangeError(`t must be finite and ≥ 0, got ${t}`);
  if (t === 0) return 0;
  return unsafeExpectedIfAlive(params, customer.x, customer.T, t) * probabilityAlive(params, customer);
}

/** {@link expectedPurchasesIfAlive} without its checks, for loops that have checked their inputs once. */
function unsafeExpectedIfAlive(params: BgnbdParams, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const epsilon = a - 1;
  const k = r + x;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const logOneMinusZ = -Math.log1p(t / (alpha + T)); // L, without the rounding of 1 − z
  const ifAlive =
    epsilon <= k
      ? scaledBracket(a + b - 1 - r, epsilon, c, z, logOneMinusZ)
      : (k / epsilon) * scaledBracket(b + x, k, c, z, logOneMinusZ);
  // the true value is positive; for a subnormal t (≲ 1e-308) rounding can leave −5e-324
  return Math.max(0, ifAlive);
}

/**
 * Expected repeat purchases in the next t weeks by a customer who is still active, E[Y(t) | x, tₓ, T] ÷
 * P(alive | x, tₓ, T): it depends on x and T only, so customers who share them share it, and a table of
 * many customers needs it once per distinct (x, T).
 * @param params - r, α (per week), a, b
 * @param x - repeat purchases, a whole number ≥ 0
 * @param T - age in weeks, ≥ 0
 * @param t - weeks ahead, ≥ 0
 * @throws RangeError as {@link conditionalExpectedPurchases}
 * @example expectedPurchasesIfAlive({ r: 1, alpha: 1, a: 1, b: 1 }, 0, 1, 2) // ln 2, as x = 0 is alive
 */
export function expectedPurchasesIfAlive(params: BgnbdParams, x: number, T: number, t: number): number {
  checkParams(params);
  checkCustomer({ x, tx: T, T });
  if (!(t >= 0 && t < Number.POSITIVE_INFINITY)) throw new RangeError(`t must be finite and ≥ 0, got ${t}`);
  return unsafeExpectedIfAlive(params, x, T, t);
}

/**
 * {@link expectedPurchasesIfAlive} at t = 1, 2, …, ⌈h⌉ weeks, the last at h itself: the weekly path the
 * discounted value sums over, checked once rather than per week.
 * @returns a Float64Array of ⌈h⌉ + 1 values, the first (t = 0) being 0
 */
export function expectedPathIfAlive(params: BgnbdParams, x: number, T: number, h: number): Float64Array {
  expectedPurchasesIfAlive(params, x, T, h); // checks every input once
  const weeks = Math.ceil(h);
  const path = new Float64Array(weeks + 1);
  for (let week = 1; week <= weeks; week++)
    path[week] = unsafeExpectedIfAlive(params, x, T, Math.min(week, h));
  return path;
}

/**
 * Expected repeat purchases by a new customer in the t weeks after their first purchase:
 * E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r ₂F₁(r, b; a + b − 1; t/(α + t))].
 * It is {@link conditionalExpectedPurchases} for a customer with no history (x = 0, T = 0), and like it is
 * exact for every a > 0, including a = 1 and a + b ≤ 1.
 * @param params - r, α (per week), a, b
 * @param t - weeks since the first purchase, ≥ 0
 * @returns expected repeat purchases, ≥ 0; 0 at t = 0; NaN when t/(α + t) is within ~3e-6 of 1
 * @throws RangeError for a parameter that is not positive and finite, or t < 0
 * @example expectedPurchases({ r: 1, alpha: 1, a: 1, b: 1 }, 1) // 0.6931471805599453 = ln(1 + t)
 */
export function expectedPurchases(params: BgnbdParams, t: number): number {
  return conditionalExpectedPurchases(params, { x: 0, tx: 0, T: 0 }, t);
}
