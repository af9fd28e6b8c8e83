/**
 * The BG/NBD log-likelihood's gradient and Hessian against central finite differences of the log-likelihood
 * itself (bgnbdLogLikelihood, tested against numerical integration in bgnbd.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { negativeLogLikelihoodDerivatives } from '../../../../src/lib/orders/models/bgnbd-derivatives';
import {
  bgnbdLogLikelihood,
  groupCustomers,
  type BgnbdParams,
  type CustomerSummary,
} from '../../../../src/lib/orders/models/bgnbd';

/** 300 summaries of every kind: no repeat purchase, a last purchase at tₓ = T or long before, counts of 1–3. */
const CUSTOMERS: CustomerSummary[] = Array.from({ length: 300 }, (_, i) => {
  const x = i % 7;
  const T = 10 + ((i * 37) % 60);
  return { x, tx: x === 0 ? 0 : (T * ((i * 13) % 101)) / 100, T, count: 1 + (i % 3) };
});

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** −ln L at the parameters with parameter i moved by di and j by dj. */
function negativeAt(params: BgnbdParams, moves: readonly [number, number][]): number {
  const moved = { ...params };
  for (const [index, by] of moves) moved[NAMES[index]!] += by;
  return -bgnbdLogLikelihood(moved, CUSTOMERS);
}

const derivativesOf = negativeLogLikelihoodDerivatives(groupCustomers(CUSTOMERS));

/** The analytic derivatives at the parameters with parameter i moved by `by`. */
function derivativesAt(params: BgnbdParams, i = 0, by = 0) {
  const p = Float64Array.of(params.r, params.alpha, params.a, params.b);
  p[i]! += by;
  return derivativesOf(p);
}

/**
 * The gradient against central differences of −ln L, and the Hessian against central differences of that
 * gradient (second differences of ln L itself would drown in rounding where b is small).
 */
function expectDerivativesMatchDifferences(params: BgnbdParams): void {
  const derivatives = derivativesAt(params);
  expect(derivatives.value).toBeCloseTo(-bgnbdLogLikelihood(params, CUSTOMERS), 8);
  for (let i = 0; i < 4; i++) {
    const h = 1e-5 * params[NAMES[i]!];
    const slope = (negativeAt(params, [[i, h]]) - negativeAt(params, [[i, -h]])) / (2 * h);
    const gradient = derivatives.gradient[i]!;
    expect(Math.abs(gradient - slope), `∂/∂${NAMES[i]}`).toBeLessThan(1e-5 * (1 + Math.abs(slope)));
    const above = derivativesAt(params, i, h).gradient;
    const below = derivativesAt(params, i, -h).gradient;
    for (let j = 0; j < 4; j++) {
      const curvature = (above[j]! - below[j]!) / (2 * h);
      const hessian = derivatives.hessian[i * 4 + j]!;
      expect(hessian, `the Hessian is symmetric at ${NAMES[i]}, ${NAMES[j]}`).toBe(
        derivatives.hessian[j * 4 + i],
      );
      expect(Math.abs(hessian - curvature), `∂²/∂${NAMES[i]}∂${NAMES[j]}`).toBeLessThan(
        1e-5 * (1 + Math.abs(curvature)),
      );
    }
  }
}

describe('negativeLogLikelihoodDerivatives', () => {
  it('matches finite differences at CDNOW’s estimates and at a > 1', () => {
    expectDerivativesMatchDifferences({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    expectDerivativesMatchDifferences({ r: 2, alpha: 30, a: 3, b: 0.6 });
  });

  it('matches finite differences wherever the parameters are', () => {
    const parameter = fc.double({ min: 0.1, max: 8, noNaN: true });
    fc.assert(
      fc.property(parameter, parameter, parameter, parameter, (r, alphaScale, a, b) => {
        expectDerivativesMatchDifferences({ r, alpha: alphaScale * 5, a, b });
      }),
      { numRuns: 25 },
    );
  });
});
