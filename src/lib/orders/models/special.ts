/**
 * Special functions and a derivative-free optimiser for the customer-base models of the order-history page
 * (BG/NBD and Gamma-Gamma, docs/sources.md "Data-driven lifetime value"). Plain TypeScript with no
 * dependencies, no DOM and no Node APIs, so it runs in a Web Worker.
 *
 * Conventions: special functions return NaN outside their domain (as Math.log(−1) does) rather than
 * throwing; the optimiser minimises, so a fit passes it the negative log-likelihood.
 */

/** ½ ln(2π). */
const HALF_LOG_TWO_PI = 0.9189385332046728;

/** Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients); relative error of Γ below 2e-15. */
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0, by the Lanczos approximation
 * Γ(x) = √(2π) (x + g − ½)^(x − ½) e^−(x + g − ½) A_g(x), with g = 7.
 * Below x = ½ it uses ln Γ(x) = ln Γ(x + 1) − ln x, which loses nothing there because ln x dominates.
 *
 * Accuracy: relative error ≲ 1e-14 (checked against mpmath); near x = 1 and x = 2, where ln Γ crosses zero,
 * the error is absolute, ≲ 1e-15.
 * @param x - a positive number
 * @returns ln Γ(x); NaN when x ≤ 0 or x is NaN; Infinity when x = Infinity
 * @example logGamma(0.5) // 0.5723649429247001 = ln √π
 * @example logGamma(10) // 12.801827480081469 = ln 362880 = ln 9!
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN; // also catches NaN
  if (x === Number.POSITIVE_INFINITY) return x;
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) series += LANCZOS_COEFFICIENTS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

/**
 * Natural logarithm of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
 * The absolute error is a few ulps of the largest ln Γ term, so it is fine for the moderate arguments of the
 * models here (up to ~1e6), not for very large a and b where the terms cancel heavily.
 * @param a - a positive number
 * @param b - a positive number
 * @returns ln B(a, b); NaN when either argument is ≤ 0 or NaN
 * @example logBeta(1, 1) // 0 = ln 1
 * @example logBeta(2, 3) // −2.4849066497880004 = ln(1/12)
 */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** The series stop once the bound on what is left is below this share of the sum. */
const SERIES_RELATIVE_TOLERANCE = 1e-16;
/** Enough terms for |z| up to about 1 − 3e-6; beyond that the series is too slow and we return NaN. */
const SERIES_MAX_TERMS = 10_000_000;

/**
 * Σₖ₌ₖ₀^∞ tₖ of the Gauss series, where t_{k+1} = tₖ (a + k)(b + k) z / ((c + k)(k + 1)),
 * from t_{k₀} = first.
 *
 * Convergence check: once k is past every sign change of the factors (k > −a, −b, −c), the ratio of
 * successive terms tends monotonically to z, so the rest of the series is at most |t_{k+1}| / (1 − ρ) with
 * ρ = max(|t_{k+1}/tₖ|, |z|); we stop when that is below 1e-16 of the sum.
 * @returns the sum; NaN when it has not converged within {@link SERIES_MAX_TERMS} terms
 */
function sumGaussSeries(a: number, b: number, c: number, z: number, k0: number, first: number): number {
  let term = first;
  let sum = 0;
  const settled = Math.max(0, -a, -b, -c); // past this k the factors keep their signs
  const absZ = Math.abs(z);
  for (let k = k0; k < SERIES_MAX_TERMS; k++) {
    sum += term;
    const next = (term * (a + k) * (b + k) * z) / ((c + k) * (k + 1));
    if (next === 0) return sum; // a terminating series (a or b a non-positive integer), or z = 0
    if (k > settled) {
      const ratio = Math.max(Math.abs(next / term), absZ);
      if (ratio < 1 && Math.abs(next) <= SERIES_RELATIVE_TOLERANCE * (1 - ratio) * Math.abs(sum)) {
        return sum + next;
      }
    }
    term = next;
  }
  return Number.NaN;
}

/** True when c is 0, −1, −2, …, where the Gauss series has a pole. */
function isNonPositiveInteger(c: number): boolean {
  return c <= 0 && Number.isInteger(c);
}

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) = Σₖ (a)ₖ (b)ₖ / ((c)ₖ k!) zᵏ for |z| < 1, summed
 * term by term with a bound on the remainder (see {@link sumGaussSeries}).
 *
 * Two classical transformations keep the summed terms tame:
 * - for z < 0 the terms alternate, and digits cancel when they are large; Pfaff's transformation
 *   ₂F₁(a, b; c; z) = (1 − z)^−a ₂F₁(a, c − b; c; z/(z − 1)) moves the argument into (0, ½);
 * - for 0 < z with c − a − b < 0 the terms grow like k^(a+b−c−1) zᵏ before they fall, and the sum like
 *   (1 − z)^(c−a−b); Euler's transformation ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z) sums
 *   bounded, faster-falling terms instead.
 *
 * @param a - first numerator parameter
 * @param b - second numerator parameter
 * @param c - denominator parameter; not 0, −1, −2, …
 * @param z - argument, |z| < 1
 * @returns ₂F₁(a, b; c; z); NaN when |z| ≥ 1, c is a non-positive integer, or the series needs more than
 *   10⁷ terms (z within ~3e-6 of 1); Infinity when the value is beyond the largest double
 * @example hyp2f1(1, 1, 2, 0.5) // 1.3862943611198906 = −ln(1 − 0.5) / 0.5
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(Math.abs(z) < 1) || isNonPositiveInteger(c)) return Number.NaN;
  if (z < 0) return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  if (z > 0 && c - a - b < 0) {
    return Math.exp((c - a - b) * Math.log1p(-z)) * sumGaussSeries(c - a, c - b, c, z, 0, 1);
  }
  return sumGaussSeries(a, b, c, z, 0, 1);
}

/**
 * The part of the Gauss series beyond its leading 1, with the first term's factor ab/c taken out:
 * E(a, b, c; z) = c [₂F₁(a, b; c; z) − 1] / (ab) = Σₖ≥₁ (a + 1)ₖ₋₁ (b + 1)ₖ₋₁ / ((c + 1)ₖ₋₁ k!) zᵏ,
 * which is also ∫₀ᶻ ₂F₁(a + 1, b + 1; c + 1; s) ds. Unlike the quotient it is defined, and exact, at a = 0,
 * b = 0 and c = 0; the BG/NBD expectations need it there (the paper's formula is 0/0 at a = 1 and has a
 * pole at a + b = 1). It sums the series as it stands: exact to ~1e-15 for 0 ≤ z < 1 (the models' range);
 * for z < 0 the terms alternate and, when they are large, digits cancel.
 * @param a - first numerator parameter
 * @param b - second numerator parameter
 * @param c - denominator parameter; not −1, −2, …
 * @param z - argument, |z| < 1
 * @returns the series' sum; NaN when |z| ≥ 1, c is −1, −2, …, or the series needs more than 10⁷ terms
 * @example hyp2f1Excess(0, 0, 0, 0.5) // 0.6931471805599453 = Σ zᵏ/k = −ln(1 − 0.5)
 * @example hyp2f1Excess(1, 1, 2, 0.5) // 0.7725887222397811 = 2 (−ln(0.5)/0.5 − 1)
 */
export function hyp2f1Excess(a: number, b: number, c: number, z: number): number {
  if (!(Math.abs(z) < 1) || isNonPositiveInteger(c + 1)) return Number.NaN;
  // v₁ = z, and v_{k+1}/vₖ is the Gauss series' own term ratio
  return sumGaussSeries(a, b, c, z, 1, z);
}

/**
 * ln(eˣ + eʸ) without overflow or underflow: max(x, y) + ln(1 + e^−|x−y|).
 * @returns the log of the sum; −Infinity when both are −Infinity; NaN when either is NaN
 * @example logAddExp(1000, 1000) // 1000.6931471805599 = 1000 + ln 2
 */
export function logAddExp(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  const high = Math.max(x, y);
  if (!Number.isFinite(high)) return high; // −∞ + −∞ stays −∞; anything + ∞ is ∞
  return high + Math.log1p(Math.exp(Math.min(x, y) - high));
}

/**
 * ln Σᵢ e^(xᵢ), shifted by the largest term so that nothing overflows and the largest term is exact.
 * @returns the log of the sum; −Infinity for an empty list or when every term is −Infinity; +Infinity when a
 *   term is +Infinity; NaN when a term is NaN
 * @example logSumExp([0, 0, 0, 0]) // 1.3862943611198906 = ln 4
 * @example logSumExp([-1000, -1000]) // −999.3068528194401 = −1000 + ln 2
 */
export function logSumExp(values: readonly number[]): number {
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (Number.isNaN(value)) return Number.NaN;
    if (value > high) high = value;
  }
  if (high === Number.NEGATIVE_INFINITY || high === Number.POSITIVE_INFINITY) return high;
  let sum = 0;
  for (const value of values) sum += Math.exp(value - high);
  return high + Math.log(sum);
}

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Stop after this many iterations (one reflection step each); default 2000. */
  maxIterations?: number;
  /**
   * Converged when the values at the simplex's vertices differ by ≤ tolerance × (1 + |f_best|) and its
   * vertices lie within √tolerance × (1 + ‖x_best‖∞) of the best one (f is quadratic near a minimum, so an
   * x-spread of √tol moves f by ~tol); default 1e-10.
   */
  tolerance?: number;
  /** Size of the starting simplex: vertex i is x0 with eᵢ × initialStep added; default 0.5. */
  initialStep?: number;
}

/** What {@link nelderMead} found. */
export interface NelderMeadResult {
  /** The best point found. */
  x: number[];
  /** f at that point. */
  value: number;
  /** Iterations used. */
  iterations: number;
  /** Evaluations of f used. */
  evaluations: number;
  /** True when the tolerance was met before maxIterations. */
  converged: boolean;
}

/**
 * Minimises f over ℝⁿ by the Nelder–Mead simplex method (standard coefficients: reflection 1, expansion 2,
 * contraction ½, shrink ½; Lagarias et al. 1998's ordering rules). Derivative-free, so f need only be
 * computable; NaN and ±Infinity count as +Infinity, so f may reject a point by returning NaN.
 *
 * The models call it on log-parameters, θ = ln(parameter), so every parameter it tries is positive; see
 * {@link minimizePositive}. Nelder–Mead can stall short of a minimum, so callers restart it from the best
 * point until a restart no longer helps.
 * @param f - the function to minimise; it must not keep the array it is given (it is reused)
 * @param x0 - starting point
 * @param options - see {@link NelderMeadOptions}
 * @example nelderMead(([x = 0, y = 0]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1]).x // ≈ [1, 1]
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const maxIterations = options.maxIterations ?? 2000;
  const tolerance = options.tolerance ?? 1e-10;
  const step = options.initialStep ?? 0.5;
  const n = x0.length;
  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const value = f(x);
    return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
  };

  // vertices[order[0]] is the best vertex, vertices[order[n]] the worst.
  const vertices: Float64Array[] = [];
  const values = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const vertex = Float64Array.from(x0);
    if (i > 0) vertex[i - 1]! += step;
    vertices.push(vertex);
    values[i] = evaluate(vertex);
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const sortOrder = (): void => {
    order.sort((i, j) => values[i]! - values[j]! || i - j);
  };
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);
  // along(out, t): out = centroid + t (centroid − worst)
  const along = (out: Float64Array, worst: Float64Array, t: number): void => {
    for (let d = 0; d < n; d++) out[d] = centroid[d]! + t * (centroid[d]! - worst[d]!);
  };

  let iterations = 0;
  let converged = false;
  sortOrder();
  while (iterations < maxIterations) {
    const best = vertices[order[0]!]!;
    const bestValue = values[order[0]!]!;
    let fSpread = 0;
    let xSpread = 0;
    let xScale = 0;
    for (let d = 0; d < n; d++) xScale = Math.max(xScale, Math.abs(best[d]!));
    for (let i = 1; i <= n; i++) {
      const vertex = vertices[order[i]!]!;
      fSpread = Math.max(fSpread, Math.abs(values[order[i]!]! - bestValue));
      for (let d = 0; d < n; d++) xSpread = Math.max(xSpread, Math.abs(vertex[d]! - best[d]!));
    }
    if (fSpread <= tolerance * (1 + Math.abs(bestValue)) && xSpread <= Math.sqrt(tolerance) * (1 + xScale)) {
      converged = Number.isFinite(bestValue);
      break;
    }
    iterations++;

    const worstIndex = order[n]!;
    const worst = vertices[worstIndex]!;
    const worstValue = values[worstIndex]!;
    const secondWorstValue = values[order[n - 1]!]!;
    centroid.fill(0);
    for (let i = 0; i < n; i++) {
      const vertex = vertices[order[i]!]!;
      for (let d = 0; d < n; d++) centroid[d]! += vertex[d]! / n;
    }

    along(reflected, worst, 1);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < bestValue) {
      along(trial, worst, 2);
      const expandedValue = evaluate(trial);
      if (expandedValue < reflectedValue) {
        worst.set(trial);
        values[worstIndex] = expandedValue;
      } else {
        worst.set(reflected);
        values[worstIndex] = reflectedValue;
      }
    } else if (reflectedValue < secondWorstValue) {
      worst.set(reflected);
      values[worstIndex] = reflectedValue;
    } else {
      const outside = reflectedValue < worstValue;
      along(trial, worst, outside ? 0.5 : -0.5);
      const contractedValue = evaluate(trial);
      if (outside ? contractedValue <= reflectedValue : contractedValue < worstValue) {
        worst.set(trial);
        values[worstIndex] = contractedValue;
      } else {
        // shrink every vertex halfway towards the best one
        for (let i = 1; i <= n; i++) {
          const vertex = vertices[order[i]!]!;
          for (let d = 0; d < n; d++) vertex[d] = best[d]! + 0.5 * (vertex[d]! - best[d]!);
          values[order[i]!] = evaluate(vertex);
        }
      }
    }
    sortOrder();
  }
  return {
    x: Array.from(vertices[order[0]!]!),
    value: values[order[0]!]!,
    iterations,
    evaluations,
    converged,
  };
}

/** Options of {@link minimizePositive}: those of {@link nelderMead}, plus restarts. */
export interface MinimizePositiveOptions extends NelderMeadOptions {
  /** Fresh Nelder–Mead runs from the best point after the first; default 2. */
  restarts?: number;
}

/**
 * Minimises f over positive parameters: runs {@link nelderMead} on θ = ln(parameters), then restarts it
 * from the best point with a smaller simplex (step ÷ 4 each time) until a restart improves f by no more than
 * the tolerance, at most `restarts` times.
 * @param f - the function to minimise, of the positive parameters (the array is reused between calls)
 * @param start - positive starting parameters
 * @returns the best parameters (positive), f there, iterations and evaluations summed over all runs, and
 *   `converged`: the last run met its tolerance and did not improve on the run before by more than that
 */
export function minimizePositive(
  f: (parameters: Float64Array) => number,
  start: readonly number[],
  options: MinimizePositiveOptions = {},
): NelderMeadResult {
  const tolerance = options.tolerance ?? 1e-10;
  const restarts = options.restarts ?? 2;
  const parameters = new Float64Array(start.length);
  const onLogScale = (theta: Float64Array): number => {
    for (let i = 0; i < theta.length; i++) parameters[i] = Math.exp(theta[i]!);
    return f(parameters);
  };
  let step = options.initialStep ?? 0.5;
  let run = nelderMead(onLogScale, start.map(Math.log), { ...options, initialStep: step });
  let iterations = run.iterations;
  let evaluations = run.evaluations;
  let converged = run.converged;
  for (let restart = 0; restart < restarts; restart++) {
    step /= 4;
    const next = nelderMead(onLogScale, run.x, { ...options, initialStep: step });
    iterations += next.iterations;
    evaluations += next.evaluations;
    const improvement = run.value - next.value;
    if (next.value <= run.value) run = next;
    converged = next.converged && improvement <= tolerance * (1 + Math.abs(run.value));
    if (converged) break;
  }
  return { x: run.x.map(Math.exp), value: run.value, iterations, evaluations, converged };
}
