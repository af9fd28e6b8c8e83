/**
 * The Gamma-Gamma model of spend per order (Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-Value Curves
 * for Customer Base Analysis", JMR 42(4), with the parameterisation of Fader & Hardie's note "The
 * Gamma-Gamma Model of Monetary Value"; docs/sources.md "Data-driven lifetime value"): each order's value
 * z ~ Gamma(shape p, rate ν), where a customer's ν ~ Gamma(shape q, rate γ) across customers. The note's γ
 * is `v` here, to match the page's result name `ggV`. One concept per pure function; {@link fitGammaGamma}
 * estimates (p, q, v) by maximum likelihood.
 *
 * Units: money in currency units (v is in currency; p and q have none). Runs in a Web Worker: no DOM, no
 * Node APIs, no dependencies.
 */

import { WARM_START_CUSTOMERS, WARM_START_STEP, thinned } from './bgnbd';
import { newtonPositive, type Derivatives } from './newton';
import { digamma, trigamma } from './polygamma';
import { logGamma, minimizePositive } from './special';

/** The model's parameters; all positive. */
export interface GammaGammaParams {
  /** Shape of the gamma distribution of one customer's order values. */
  p: number;
  /** Shape of the gamma distribution of the rate ν across customers. */
  q: number;
  /** Rate of that distribution (the note's γ), currency: the mean order value is p v/(q − 1). */
  v: number;
}

/** A repeat buyer's spend summary (or `count` buyers with the same one). */
export interface BuyerSpend {
  /** Repeat transactions the average is over; a whole number ≥ 1 (≥ 0 for {@link expectedAverageSpend}). */
  x: number;
  /** Their average value, currency; > 0. */
  mx: number;
  /** How many buyers have exactly this summary; default 1; 0 leaves them out. */
  count?: number;
}

/** What {@link fitGammaGamma} found. */
export interface GammaGammaFit extends GammaGammaParams {
  /** The log-likelihood at the fitted parameters (natural log, summed over buyers). */
  logLikelihood: number;
  /** Newton steps, plus Nelder–Mead's iterations summed over its restarts when it had to take over. */
  iterations: number;
  /** True when the optimiser met its tolerance and a restart no longer improved on it. */
  converged: boolean;
}

/** Options of {@link fitGammaGamma}. */
export interface GammaGammaFitOptions {
  /** Where the search starts; default p = 1, q = 2, v = the mean of mx (so p v/(q − 1) is that mean). */
  start?: GammaGammaParams;
  /** Iterations per Nelder–Mead run; default 2000. */
  maxIterations?: number;
  /** Relative tolerance on the log-likelihood; default 1e-10. */
  tolerance?: number;
  /** Fresh Nelder–Mead runs from the best point after the first; default 2. */
  restarts?: number;
}

const PARAM_NAMES = ['p', 'q', 'v'] as const;

/** Throws a RangeError unless every parameter is a positive finite number. */
function checkParams(params: GammaGammaParams): void {
  for (const name of PARAM_NAMES) {
    const value = params[name];
    if (!(value > 0 && value < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`Gamma-Gamma parameter ${name} must be a positive finite number, got ${value}`);
    }
  }
}

/** Throws a RangeError unless x is a whole number ≥ minX and, when x > 0, mx is positive and finite. */
function checkBuyer(buyer: BuyerSpend, minX: number): void {
  const { x, mx, count = 1 } = buyer;
  if (!(Number.isInteger(x) && x >= minX))
    throw new RangeError(`x must be a whole number ≥ ${minX}, got ${x}`);
  if (x > 0 && !(mx > 0 && mx < Number.POSITIVE_INFINITY)) {
    throw new RangeError(`mx must be positive and finite, got ${mx}`);
  }
  if (!(count >= 0 && count < Number.POSITIVE_INFINITY)) {
    throw new RangeError(`count must be finite and ≥ 0, got ${count}`);
  }
}

/**
 * Buyers laid out for fast evaluation: the terms linear in p are summed once, the Γ terms are taken once
 * per distinct x, so an evaluation costs one logarithm per buyer.
 */
interface PreparedBuyers {
  total: number;
  meanSpend: number;
  distinctX: Float64Array;
  countByX: Float64Array;
  /** Σ count · x ln(x mx) and Σ count · ln mx. */
  sumXLogTotal: number;
  sumLogMean: number;
  /** Per buyer: x, the total repeat spend x·mx, and the count. */
  x: Float64Array;
  spent: Float64Array;
  count: Float64Array;
}

/** Validates and prepares the buyers (see {@link PreparedBuyers}). */
function prepareBuyers(buyers: readonly BuyerSpend[]): PreparedBuyers {
  const distinct = new Map<number, number>();
  let total = 0;
  let spendSum = 0;
  let sumXLogTotal = 0;
  let sumLogMean = 0;
  const kept = buyers.filter((buyer) => {
    checkBuyer(buyer, 1);
    return (buyer.count ?? 1) > 0;
  });
  for (const { x, mx, count = 1 } of kept) {
    total += count;
    spendSum += count * mx;
    sumXLogTotal += count * x * Math.log(x * mx);
    sumLogMean += count * Math.log(mx);
    distinct.set(x, (distinct.get(x) ?? 0) + count);
  }
  return {
    total,
    meanSpend: total > 0 ? spendSum / total : 0,
    distinctX: Float64Array.from(distinct.keys()),
    countByX: Float64Array.from(distinct.values()),
    sumXLogTotal,
    sumLogMean,
    x: Float64Array.from(kept, (buyer) => buyer.x),
    spent: Float64Array.from(kept, (buyer) => buyer.x * buyer.mx),
    count: Float64Array.from(kept, (buyer) => buyer.count ?? 1),
  };
}

/** The total log-likelihood as a function of (p, q, v) for prepared buyers; unchecked parameters. */
function logLikelihoodFunction(prepared: PreparedBuyers): (p: number, q: number, v: number) => number {
  const { total, distinctX, countByX, sumXLogTotal, sumLogMean, x, spent, count } = prepared;
  return (p, q, v) => {
    // Σ [(px − 1) ln mx + px ln x] = p Σ x ln(x mx) − Σ ln mx
    let sum = total * (q * Math.log(v) - logGamma(q)) + p * sumXLogTotal - sumLogMean;
    for (let i = 0; i < distinctX.length; i++) {
      const px = p * distinctX[i]!;
      sum += countByX[i]! * (logGamma(px + q) - logGamma(px));
    }
    for (let i = 0; i < x.length; i++) sum -= count[i]! * (p * x[i]! + q) * Math.log(v + spent[i]!);
    return sum;
  };
}

/**
 * −ln L with its gradient and Hessian in (p, q, v), for Newton steps (newton.ts). With Lᵢ = ln(v + xᵢmᵢ):
 * ∂/∂p = Σ x ln(x m) + Σₓ nₓ x[ψ(px + q) − ψ(px)] − Σ x Lᵢ; ∂/∂q = N(ln v − ψ(q)) + Σₓ nₓ ψ(px + q) − Σ Lᵢ;
 * ∂/∂v = Nq/v − Σ (pxᵢ + q)/(v + xᵢmᵢ); the Hessian by differentiating these once more.
 */
function negativeLogLikelihoodDerivatives(prepared: PreparedBuyers): (params: Float64Array) => Derivatives {
  const { total, distinctX, countByX, sumXLogTotal, sumLogMean, x, spent, count } = prepared;
  return (params) => {
    const [p, q, v] = params as unknown as [number, number, number];
    let value = total * (q * Math.log(v) - logGamma(q)) + p * sumXLogTotal - sumLogMean;
    let gp = sumXLogTotal;
    let gq = total * (Math.log(v) - digamma(q));
    let gv = (total * q) / v;
    let hpp = 0;
    let hpq = 0;
    let hqq = -total * trigamma(q);
    let hpv = 0;
    let hqv = total / v;
    let hvv = (-total * q) / (v * v);
    for (let i = 0; i < distinctX.length; i++) {
      const n = countByX[i]!;
      const xi = distinctX[i]!;
      const px = p * xi;
      value += n * (logGamma(px + q) - logGamma(px));
      gp += n * xi * (digamma(px + q) - digamma(px));
      gq += n * digamma(px + q);
      const curvature = trigamma(px + q);
      hpp += n * xi * xi * (curvature - trigamma(px));
      hpq += n * xi * curvature;
      hqq += n * curvature;
    }
    for (let i = 0; i < x.length; i++) {
      const n = count[i]!;
      const xi = x[i]!;
      const inverse = 1 / (v + spent[i]!);
      const logSpent = Math.log(v + spent[i]!);
      const power = p * xi + q;
      value -= n * power * logSpent;
      gp -= n * xi * logSpent;
      gq -= n * logSpent;
      gv -= n * power * inverse;
      hpv -= n * xi * inverse;
      hqv -= n * inverse;
      hvv += n * power * inverse * inverse;
    }
    const hessian = Float64Array.of(hpp, hpq, hpv, hpq, hqq, hqv, hpv, hqv, hvv).map((entry) => -entry);
    return { value: -value, gradient: Float64Array.of(-gp, -gq, -gv), hessian };
  };
}

/** −ln L, its gradient and its Hessian in (p, q, v) as functions of the parameters, for these buyers. */
export function ggNegativeLogLikelihoodDerivatives(
  buyers: readonly BuyerSpend[],
): (params: Float64Array) => Derivatives {
  return negativeLogLikelihoodDerivatives(prepareBuyers(buyers));
}

/**
 * The Gamma-Gamma log-likelihood of repeat buyers' average order values: the sum over buyers (times their
 * counts) of the note's
 * ln f(mx | p, q, v, x) = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln v + (px − 1) ln mx + px ln x
 * − (px + q) ln(v + x mx).
 * @param params - p, q, v (currency)
 * @param buyers - x ≥ 1 repeat transactions averaging mx, each standing for `count` buyers (default 1)
 * @returns the natural log of the likelihood; 0 for no buyers
 * @throws RangeError for a parameter that is not positive and finite, x not a whole number ≥ 1, or mx ≤ 0
 * @example ggLogLikelihood({ p: 1, q: 2, v: 1 }, [{ x: 1, mx: 1 }]) // −1.3862943611198906 = ln(1/4)
 */
export function ggLogLikelihood(params: GammaGammaParams, buyers: readonly BuyerSpend[]): number {
  checkParams(params);
  return logLikelihoodFunction(prepareBuyers(buyers))(params.p, params.q, params.v);
}

/**
 * Maximum-likelihood estimates of (p, q, v) on the log-parameters: damped Newton steps (newton.ts), and
 * Nelder–Mead restarted until a restart no longer helps (see {@link minimizePositive}) only should they not
 * converge; above {@link WARM_START_CUSTOMERS} buyers the start is a fit to a thinned copy of them.
 *
 * q and v are strongly correlated (the mean spend pins down p v/(q − 1)), and when every buyer's averages
 * agree exactly the likelihood rises without bound as p and q grow; then `converged` is false.
 * @param buyers - x ≥ 1 repeat transactions averaging mx, each standing for `count` buyers (default 1)
 * @param options - start, iterations, tolerance, restarts
 * @returns the estimates, the log-likelihood there, iterations used, and whether the search converged
 * @throws RangeError for an impossible summary or when there are no buyers
 */
export function fitGammaGamma(
  buyers: readonly BuyerSpend[],
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  const prepared = prepareBuyers(buyers);
  if (prepared.total === 0) throw new RangeError('Gamma-Gamma needs at least one repeat buyer to fit');
  // Many buyers: start from a fit to every k-th of them, as fitBgnbd does.
  const warm = options.start === undefined && buyers.length > WARM_START_CUSTOMERS;
  const start =
    options.start ??
    (warm ? fitGammaGamma(thinned(buyers, WARM_START_CUSTOMERS)) : { p: 1, q: 2, v: prepared.meanSpend });
  checkParams(start);
  const startAt = [start.p, start.q, start.v];
  // As fitBgnbd: Newton steps from the start, Nelder–Mead only should they not converge.
  const newton = newtonPositive(negativeLogLikelihoodDerivatives(prepared), startAt, {
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
  });
  if (newton.converged) {
    const [p = Number.NaN, q = Number.NaN, v = Number.NaN] = newton.x;
    return { p, q, v, logLikelihood: -newton.value, iterations: newton.iterations, converged: true };
  }
  const logLikelihood = logLikelihoodFunction(prepared);
  const best = minimizePositive((params) => -logLikelihood(params[0]!, params[1]!, params[2]!), newton.x, {
    ...(warm ? { initialStep: WARM_START_STEP } : {}),
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
    ...(options.restarts === undefined ? {} : { restarts: options.restarts }),
  });
  const [p = Number.NaN, q = Number.NaN, v = Number.NaN] = best.x;
  return {
    p,
    q,
    v,
    logLikelihood: -best.value,
    iterations: newton.iterations + best.iterations,
    converged: best.converged,
  };
}

/**
 * Expected value of a customer's future orders given their past ones (the note's conditional expectation):
 * E(M | x, mx) = [(q − 1)/(px + q − 1)] · [p v/(q − 1)] + [px/(px + q − 1)] · mx = p (v + x mx)/(px + q − 1),
 * a weighted average of the population mean and the customer's own average, leaning on the latter as x
 * grows. The right-hand form needs only px + q > 1 (not q > 1), so it is the one computed.
 * @param params - p, q, v (currency)
 * @param buyer - x ≥ 0 repeat transactions averaging mx (mx is ignored when x = 0, and the result is then
 *   the population mean)
 * @returns currency per order; null when px + q ≤ 1 (the posterior mean of 1/ν is infinite)
 * @throws RangeError for a parameter that is not positive and finite, x not a whole number ≥ 0, or mx ≤ 0
 *   when x > 0
 * @example expectedAverageSpend({ p: 6.25, q: 3.74, v: 15.44 }, { x: 2, mx: 50 })
 *   // 47.34… = 6.25 · 115.44 / 15.24
 */
export function expectedAverageSpend(params: GammaGammaParams, buyer: BuyerSpend): number | null {
  checkParams(params);
  checkBuyer(buyer, 0);
  const { p, q, v } = params;
  const { x } = buyer;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return null;
  return (p * (v + (x === 0 ? 0 : x * buyer.mx))) / denominator;
}

/**
 * Mean order value across the population, E(Z) = p · E(1/ν) = p v/(q − 1).
 * @param params - p, q, v (currency)
 * @returns currency per order; null when q ≤ 1 (the mean is infinite)
 * @throws RangeError for a parameter that is not positive and finite
 * @example populationMeanSpend({ p: 6.25, q: 3.74, v: 15.44 }) // 35.21… = 96.5 / 2.74
 */
export function populationMeanSpend(params: GammaGammaParams): number | null {
  checkParams(params);
  const { p, q, v } = params;
  if (!(q > 1)) return null;
  return (p * v) / (q - 1);
}
