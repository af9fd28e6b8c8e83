/**
 * The digamma and trigamma functions, ψ(x) = d ln Γ(x)/dx and ψ′(x) = dψ(x)/dx, for the derivatives of the
 * models' log-likelihoods (see newton.ts). Plain TypeScript, no dependencies: it runs in a Web Worker.
 */

/** Below this the recurrences shift x up, so the asymptotic series below keeps full double precision. */
const ASYMPTOTIC_FROM = 10;

/**
 * ψ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series
 * ψ(x) = ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ), to x⁻¹⁴ (the next term is below 1e-17 there).
 * @returns ψ(x); NaN when x ≤ 0 or x is NaN
 * @example digamma(1) // −0.5772156649015329 = −γ (the Euler–Mascheroni constant)
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  for (; x < ASYMPTOTIC_FROM; x++) shift -= 1 / x;
  const inverseSquare = 1 / (x * x);
  const series =
    inverseSquare *
    (1 / 12 -
      inverseSquare *
        (1 / 120 -
          inverseSquare *
            (1 / 252 -
              inverseSquare * (1 / 240 - inverseSquare * (1 / 132 - inverseSquare * (691 / 32760))))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/**
 * ψ′(x) for x > 0: the recurrence ψ′(x) = ψ′(x + 1) + 1/x² up to x ≥ 10, then the asymptotic series
 * ψ′(x) = 1/x + 1/(2x²) + Σ B₂ₖ/x²ᵏ⁺¹, to x⁻¹³.
 * @returns ψ′(x); NaN when x ≤ 0 or x is NaN
 * @example trigamma(1) // 1.6449340668482264 = π²/6
 */
export function trigamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  for (; x < ASYMPTOTIC_FROM; x++) shift += 1 / (x * x);
  const inverse = 1 / x;
  const inverseSquare = inverse * inverse;
  const series =
    inverse *
    inverseSquare *
    (1 / 6 -
      inverseSquare *
        (1 / 30 -
          inverseSquare *
            (1 / 42 - inverseSquare * (1 / 30 - inverseSquare * (5 / 66 - inverseSquare * (691 / 2730))))));
  return shift + inverse + 0.5 * inverseSquare + series;
}
