import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  discountedLifetime,
  discountedLifetimeBySum,
} from '../../../src/lib/subscription/discounted-lifetime';
import { expectCloseTo } from '../tolerance';

/** Terms the finite sum needs for its tail to fall under 1e-17 of the total: xᵗ ≤ 1e-17 at t = 40/w. */
const termsFor = (w: number): number => Math.ceil(40 / w) + 100;

describe('discounted expected lifetime ₂F₁(1, β; α + β; x)', () => {
  // An integer α is the connection formula's hard case: below w = 0.05 a long series (~2e-11), and below
  // w ≈ 3e-6 an interpolation across the integer (~3e-8); see the function's accuracy note.
  const integerAlphaTolerance = (w: number): number => (w >= 0.05 ? 1e-12 : w >= 3e-6 ? 2e-11 : 3e-8);

  it('α = β = 1: Σ xᵗ/(t + 1) = −ln(w)/x, by hand', () => {
    for (const w of [0.5, 0.09, 0.008, 1e-4, 1e-7, 1e-10]) {
      expectCloseTo(discountedLifetime(1, 1, w), -Math.log(w) / (1 - w), integerAlphaTolerance(w));
    }
  });

  it('α = 2, β = 1: Σ 2xᵗ/((t + 1)(t + 2)) = 2[−ln w/x − (−ln w − x)/x²], by hand', () => {
    for (const w of [0.3, 0.01, 1e-5, 1e-9]) {
      const x = 1 - w;
      const expected = 2 * (-Math.log(w) / x - (-Math.log(w) - x) / (x * x));
      expectCloseTo(discountedLifetime(2, 1, w), expected, integerAlphaTolerance(w));
    }
  });

  it('equals the finite sums it replaces, to 1e-12, down to a slow w = 1e-3 (40,000 terms)', () => {
    const cases: [number, number][] = [
      [0.668, 3.806],
      [0.704, 1.182],
      [1.5, 0.4],
      [2.7, 6],
      [0.2, 0.05],
      [0.99, 2],
    ];
    for (const [alpha, beta] of cases) {
      for (const w of [0.4, 0.05, 0.0499, 0.0079, 1e-3]) {
        expectCloseTo(
          discountedLifetime(alpha, beta, w),
          discountedLifetimeBySum(alpha, beta, w, termsFor(w)),
          1e-12,
        );
      }
    }
  });

  // Below w ≈ 1e-4 the finite sum's own rounding (millions of multiplied ratios) is ~1e-12, so the
  // reference there is mpmath 1.3's hyp2f1 at 40 digits, rounded to the nearest double: [α, β, w, ₂F₁(1, β; α + β; 1 − w)].
  const MPMATH: [number, number, number, number][] = [
    [0.668, 3.806, 0.0079, 22.033896786395257],
    [0.668, 3.806, 1e-5, 281.3531976338218],
    [0.668, 3.806, 1e-8, 2880.855342916889],
    [0.704, 1.182, 0.0079, 10.260253496751298],
    [0.704, 1.182, 1e-5, 91.99971444171919],
    [0.704, 1.182, 1e-8, 730.9926122363462],
    [1.5, 0.4, 0.0079, 1.6738679011936517],
    [1.5, 0.4, 1e-5, 1.7951538502502369],
    [1.5, 0.4, 1e-8, 1.799846311698806],
    [2.7, 6, 0.0079, 4.289983793292536],
    [2.7, 6, 1e-5, 4.529024851837446],
    [2.7, 6, 1e-8, 4.52941137648172],
    [0.2, 0.05, 0.0079, 11.297874724500826],
    [0.2, 0.05, 1e-5, 2168.8844096805915],
    [0.2, 0.05, 1e-8, 544568.6602793654],
    [0.99, 2, 0.0079, 7.955661736177871],
    [0.99, 2, 1e-5, 22.08567995738764],
    [0.99, 2, 1e-8, 37.89708312279478],
  ];

  it('equals mpmath to 1e-12 near x = 1, where the series would need 4 million terms or more', () => {
    for (const [alpha, beta, w, expected] of MPMATH)
      expectCloseTo(discountedLifetime(alpha, beta, w), expected, 1e-12);
  });

  it('tends to (α + β − 1)/(α − 1) as the discount rate goes to 0 when α > 1', () => {
    expectCloseTo(discountedLifetime(1.5, 0.4, 1e-12), (1.5 + 0.4 - 1) / 0.5, 1e-5);
    expectCloseTo(discountedLifetime(3.2, 2, 1e-12), (3.2 + 2 - 1) / 2.2, 1e-9);
  });

  it('is finite, positive and at most 1/w for any α, β and w', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.02, max: 40, noNaN: true }),
        fc.double({ min: 0.02, max: 40, noNaN: true }),
        fc.double({ min: 1e-9, max: 1, noNaN: true }),
        (alpha, beta, w) => {
          const value = discountedLifetime(alpha, beta, w);
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(1 - 1e-12);
          expect(value).toBeLessThanOrEqual((1 / w) * (1 + 1e-9));
        },
      ),
    );
  });

  it('matches the finite sum for random parameters at moderate w', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 2e-3, max: 0.9, noNaN: true }),
        (alpha, beta, w) => {
          expectCloseTo(
            discountedLifetime(alpha, beta, w),
            discountedLifetimeBySum(alpha, beta, w, termsFor(w)),
            1e-10,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
