/**
 * ψ and ψ′ against closed forms (ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ(n) = Hₙ₋₁ − γ, ψ′(1) = π²/6,
 * ψ′(½) = π²/2), their recurrences, and ψ as the slope of ln Γ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digamma, trigamma } from '../../../../src/lib/orders/models/polygamma';
import { logGamma } from '../../../../src/lib/orders/models/special';
import { expectCloseTo } from '../../tolerance';

const EULER_GAMMA = 0.5772156649015329;

describe('digamma', () => {
  it('matches the closed forms at 1, ½ and 10', () => {
    expectCloseTo(digamma(1), -EULER_GAMMA, 1e-14);
    expectCloseTo(digamma(0.5), -EULER_GAMMA - 2 * Math.LN2, 1e-14);
    let harmonic = 0;
    for (let k = 1; k <= 9; k++) harmonic += 1 / k;
    expectCloseTo(digamma(10), harmonic - EULER_GAMMA, 1e-14);
  });

  it('follows ψ(x + 1) = ψ(x) + 1/x and is the slope of ln Γ', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 200, noNaN: true }), (x) => {
        expect(Math.abs(digamma(x + 1) - digamma(x) - 1 / x)).toBeLessThan(1e-12 * (1 + 1 / x));
        const h = 1e-5 * x;
        const slope = (logGamma(x + h) - logGamma(x - h)) / (2 * h);
        expect(Math.abs(slope - digamma(x))).toBeLessThan(1e-5 * (1 + Math.abs(digamma(x))));
      }),
      { numRuns: 200 },
    );
  });

  it('tends to ln x − 1/(2x) for large x, and is NaN outside x > 0', () => {
    expectCloseTo(digamma(1e6), Math.log(1e6) - 0.5e-6 - 1 / 12e12, 1e-15);
    expect(digamma(0)).toBeNaN();
    expect(digamma(-1.5)).toBeNaN();
    expect(digamma(Number.NaN)).toBeNaN();
  });
});

describe('trigamma', () => {
  it('matches the closed forms at 1, ½ and 2', () => {
    expectCloseTo(trigamma(1), Math.PI ** 2 / 6, 1e-14);
    expectCloseTo(trigamma(0.5), Math.PI ** 2 / 2, 1e-14);
    expectCloseTo(trigamma(2), Math.PI ** 2 / 6 - 1, 1e-14);
  });

  it('follows ψ′(x) = ψ′(x + 1) + 1/x² and is the slope of ψ', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 200, noNaN: true }), (x) => {
        expect(Math.abs(trigamma(x) - trigamma(x + 1) - 1 / (x * x))).toBeLessThan(1e-12 * (1 + 1 / (x * x)));
        const h = 1e-5 * x;
        const slope = (digamma(x + h) - digamma(x - h)) / (2 * h);
        expect(Math.abs(slope - trigamma(x))).toBeLessThan(1e-5 * trigamma(x));
      }),
      { numRuns: 200 },
    );
  });

  it('tends to 1/x for large x, and is NaN outside x > 0', () => {
    expectCloseTo(trigamma(1e6), 1e-6 + 0.5e-12, 1e-12);
    expect(trigamma(0)).toBeNaN();
    expect(trigamma(Number.NaN)).toBeNaN();
  });
});
