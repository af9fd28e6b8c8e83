/** The damped Newton method on functions whose minima are worked by hand. */
import { describe, expect, it } from 'vitest';
import { newtonPositive, type Derivatives } from '../../../../src/lib/orders/models/newton';
import { expectCloseTo } from '../../tolerance';

/** f(p) = p₀ − ln p₀ + 2p₁ − 3 ln p₁: ∂f/∂p₀ = 1 − 1/p₀ and ∂f/∂p₁ = 2 − 3/p₁ vanish at (1, 1.5). */
function separable(p: Float64Array): Derivatives {
  const [x = 0, y = 0] = p;
  return {
    value: x - Math.log(x) + 2 * y - 3 * Math.log(y),
    gradient: Float64Array.of(1 - 1 / x, 2 - 3 / y),
    hessian: Float64Array.of(1 / (x * x), 0, 0, 3 / (y * y)),
  };
}

/** f(p) = (p − 3)²: on θ = ln p its curvature 2e^θ(2e^θ − 3) is negative below p = 1.5. */
function squareAboutThree(p: Float64Array): Derivatives {
  const x = p[0] ?? 0;
  return { value: (x - 3) ** 2, gradient: Float64Array.of(2 * (x - 3)), hessian: Float64Array.of(2) };
}

describe('newtonPositive', () => {
  it('finds the minimum worked by hand, from near and from far', () => {
    for (const start of [
      [0.9, 1.6],
      [100, 0.01],
    ]) {
      const found = newtonPositive(separable, start);
      expect(found.converged).toBe(true);
      expectCloseTo(found.x[0], 1, 1e-6);
      expectCloseTo(found.x[1], 1.5, 1e-6);
      expectCloseTo(found.value, 1 + 3 - 3 * Math.log(1.5), 1e-12);
    }
  });

  it('damps its steps where the curvature on the log scale is negative, and still lands on p = 3', () => {
    const found = newtonPositive(squareAboutThree, [0.5]);
    expect(found.converged).toBe(true);
    expectCloseTo(found.x[0], 3, 1e-6);
  });

  it('takes few steps from a start near the minimum', () => {
    expect(newtonPositive(separable, [1.01, 1.49]).iterations).toBeLessThanOrEqual(5);
  });

  it('stops, not converged and without throwing, where there is no minimum or no value', () => {
    const downhill = (p: Float64Array): Derivatives => {
      const x = p[0] ?? 0;
      return {
        value: -Math.log(x),
        gradient: Float64Array.of(-1 / x),
        hessian: Float64Array.of(1 / (x * x)),
      };
    };
    const endless = newtonPositive(downhill, [1], { maxIterations: 50 });
    expect(endless.converged).toBe(false);
    expect(endless.value).toBeLessThan(0);
    const nowhere = newtonPositive(
      () => ({ value: Number.NaN, gradient: Float64Array.of(0), hessian: Float64Array.of(1) }),
      [1],
    );
    expect(nowhere).toEqual({ x: [1], value: Number.NaN, iterations: 0, converged: false });
  });
});
