/**
 * A damped Newton method for the models' maximum-likelihood fits on many customers: from a start near the
 * maximum (a fit to a thinned copy of the data), a handful of Newton steps, each one pass over the data,
 * reach it where Nelder–Mead needs hundreds of passes. Plain TypeScript for a Web Worker, no dependencies.
 */

/** A function's value, gradient and Hessian (row-major, n × n) at a point. */
export interface Derivatives {
  value: number;
  gradient: Float64Array;
  hessian: Float64Array;
}

/** What {@link newtonPositive} found. */
export interface NewtonResult {
  /** The best point found, positive. */
  x: number[];
  /** f there. */
  value: number;
  /** Newton steps tried, accepted or not. */
  iterations: number;
  /** True when a full Newton step would lower f by no more than tolerance × (1 + |f|). */
  converged: boolean;
}

/** Options of {@link newtonPositive}. */
export interface NewtonOptions {
  /** Relative tolerance on f; default 1e-10, as Nelder–Mead's. */
  tolerance?: number;
  /** Steps tried before giving up; default 100. */
  maxIterations?: number;
}

/** Damping beyond which the step is too short to help: the search gives up rather than crawl. */
const MAX_DAMPING = 1e8;
/** Damping at or below which a step is as good as Newton's for judging convergence. */
const LIGHT_DAMPING = 1e-4;

/**
 * Solves (H + μ D) s = −g by Cholesky, D the diagonal of |Hᵢᵢ| (Marquardt's scaling, so that a parameter
 * with a far larger curvature than the others does not shrink their steps), μ = damping.
 * @returns s, or null when H + μ D is not positive definite (no descent direction of this form)
 */
function dampedStep(hessian: Float64Array, gradient: Float64Array, damping: number): Float64Array | null {
  const n = gradient.length;
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const diagonal = Math.abs(hessian[i * n + i]!);
      let sum = hessian[i * n + j]! + (i === j ? damping * (diagonal > 0 ? diagonal : 1) : 0);
      for (let k = 0; k < j; k++) sum -= lower[i * n + k]! * lower[j * n + k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        lower[i * n + i] = Math.sqrt(sum);
      } else lower[i * n + j] = sum / lower[j * n + j]!;
    }
  }
  const step = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = -gradient[i]!;
    for (let k = 0; k < i; k++) sum -= lower[i * n + k]! * step[k]!;
    step[i] = sum / lower[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = step[i]!;
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i]! * step[k]!;
    step[i] = sum / lower[i * n + i]!;
  }
  return step;
}

/**
 * f's derivatives on the log scale θ = ln p, from those in p: ∂f/∂θᵢ = pᵢ ∂f/∂pᵢ and
 * ∂²f/∂θᵢ∂θⱼ = pᵢ pⱼ ∂²f/∂pᵢ∂pⱼ + δᵢⱼ pᵢ ∂f/∂pᵢ.
 */
function onLogScale(derivatives: Derivatives, p: Float64Array): Derivatives {
  const n = p.length;
  const gradient = new Float64Array(n);
  const hessian = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    gradient[i] = p[i]! * derivatives.gradient[i]!;
    for (let j = 0; j < n; j++) hessian[i * n + j] = p[i]! * p[j]! * derivatives.hessian[i * n + j]!;
    hessian[i * n + i]! += gradient[i]!;
  }
  return { value: derivatives.value, gradient, hessian };
}

const isUsable = (d: Derivatives) => Number.isFinite(d.value) && d.gradient.every(Number.isFinite);

/**
 * Minimises f over positive parameters by Newton's method on θ = ln p, damped (Levenberg–Marquardt) when a
 * full step would not lower f or the Hessian is not positive definite. It never throws for want of a
 * minimum: it stops, not converged, when no damped step helps or the steps run out.
 * @param f - f's value, gradient and Hessian in p (arrays of p.length and p.length²)
 * @param start - positive starting parameters
 * @example newtonPositive((p) => ({ value: (p[0]! - 2) ** 2, gradient: Float64Array.of(2 * (p[0]! - 2)),
 *   hessian: Float64Array.of(2) }), [1]).x // [2]
 */
export function newtonPositive(
  f: (p: Float64Array) => Derivatives,
  start: readonly number[],
  options: NewtonOptions = {},
): NewtonResult {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  const at = (theta: Float64Array): Derivatives => {
    const p = theta.map(Math.exp);
    return onLogScale(f(p), p);
  };
  let theta = Float64Array.from(start, Math.log);
  let current = at(theta);
  const result = (converged: boolean, iterations: number): NewtonResult => ({
    x: Array.from(theta, Math.exp),
    value: current.value,
    iterations,
    converged,
  });
  if (!isUsable(current)) return result(false, 0);
  let damping = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const step = dampedStep(current.hessian, current.gradient, damping);
    if (step === null) {
      damping = damping === 0 ? 1e-6 : damping * 10;
      if (damping > MAX_DAMPING) return result(false, iteration);
      continue;
    }
    // −g·s is twice what a full step would gain on the quadratic model: tiny means at the minimum.
    const gain = -step.reduce((sum, value, i) => sum + value * current.gradient[i]!, 0) / 2;
    // Lightly damped (a Hessian singular to rounding, along a flat ridge), the step is still Newton's.
    const done = damping <= LIGHT_DAMPING && gain <= tolerance * (1 + Math.abs(current.value));
    const candidateTheta = theta.map((value, i) => value + step[i]!);
    const candidate = at(candidateTheta);
    if (isUsable(candidate) && candidate.value <= current.value) {
      theta = candidateTheta;
      current = candidate;
      // The last, tiny step is taken too: it costs one pass and squares the parameters' remaining error.
      if (done) return result(true, iteration);
      damping = damping < 1e-9 ? 0 : damping / 10;
    } else if (done) {
      return result(true, iteration); // rounding: at the minimum to the precision f has
    } else {
      damping = damping === 0 ? 1e-6 : damping * 10;
      if (damping > MAX_DAMPING) return result(false, iteration);
    }
  }
  return result(false, maxIterations);
}
