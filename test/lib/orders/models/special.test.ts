/**
 * Tests of the special functions and the optimiser behind the order-history models.
 * Expected values are closed forms worked in the comment beside them, or were computed with mpmath 1.3 at
 * 40 significant digits (named "mpmath" below); none was taken from running this code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hyp2f1,
  hyp2f1Excess,
  logAddExp,
  logBeta,
  logGamma,
  logSumExp,
  minimizePositive,
  nelderMead,
} from '../../../../src/lib/orders/models/special';
import { closeTo, expectCloseTo } from '../../tolerance';

describe('the numbers quoted in the TSDoc', () => {
  it('special functions', () => {
    expectCloseTo(logGamma(0.5), 0.5723649429247001, 1e-15);
    expectCloseTo(logGamma(10), 12.801827480081469, 1e-15);
    expect(logBeta(1, 1)).toBeCloseTo(0, 15);
    expectCloseTo(logBeta(2, 3), -2.4849066497880004, 1e-14);
    expectCloseTo(hyp2f1(1, 1, 2, 0.5), 1.3862943611198906, 1e-15);
    expectCloseTo(hyp2f1Excess(0, 0, 0, 0.5), 0.6931471805599453, 1e-15);
    expectCloseTo(hyp2f1Excess(1, 1, 2, 0.5), 0.7725887222397811, 1e-14);
    expectCloseTo(logAddExp(1000, 1000), 1000.6931471805599, 1e-15);
    expectCloseTo(logSumExp([0, 0, 0, 0]), 1.3862943611198906, 1e-15);
    expectCloseTo(logSumExp([-1000, -1000]), -999.3068528194401, 1e-15);
  });
});

describe('logGamma', () => {
  // ln Γ from mpmath (loggamma, 40 digits), and closed forms: Γ(½) = √π, Γ(10) = 9!, Γ(3.5) = 15√π/8.
  /* eslint-disable no-loss-of-precision -- mpmath's digits as printed; each becomes the nearest double */
  const REFERENCE: readonly (readonly [number, number])[] = [
    [0.5, 0.5 * Math.log(Math.PI)],
    [10, Math.log(362880)],
    [3.5, 1.2009736023470742248],
    [1.5, -0.12078223763524522235],
    [2.5, 0.28468287047291915963],
    [0.243, 1.3180435846996698495],
    [100, 359.13420536957539878],
    [171.5, 709.14316303092824227],
    [1e10, 220258509288.81058147],
    [0.001, 6.9071788853838536825],
    [1e-5, 11.512919692895825707],
    [1e-300, 690.77552789821370521],
  ];
  /* eslint-enable no-loss-of-precision */
  it.each(REFERENCE)('ln Γ(%d) matches the reference to 1e-13', (x, expected) => {
    expectCloseTo(logGamma(x), expected, 1e-13);
  });
  it('is 0 at 1 and 2 (Γ = 1), to an absolute 1e-15', () => {
    expect(Math.abs(logGamma(1))).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThanOrEqual(1e-15);
  });
  it('is NaN outside x > 0 and Infinity at Infinity', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1.5)).toBeNaN();
    expect(logGamma(Number.NaN)).toBeNaN();
    expect(logGamma(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
  it('satisfies Γ(x + 1) = x Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => {
        const scale = Math.max(1, Math.abs(logGamma(x + 1)));
        expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThanOrEqual(2e-14 * scale);
      }),
    );
  });
  it('satisfies Legendre’s duplication formula Γ(x) Γ(x + ½) = 2^(1−2x) √π Γ(2x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        const left = logGamma(x) + logGamma(x + 0.5);
        const right = (1 - 2 * x) * Math.LN2 + 0.5 * Math.log(Math.PI) + logGamma(2 * x);
        expect(Math.abs(left - right)).toBeLessThanOrEqual(2e-14 * Math.max(1, Math.abs(left)));
      }),
    );
  });
});

describe('logBeta', () => {
  it('matches closed forms: B(a, 1) = 1/a, B(½, ½) = π', () => {
    expectCloseTo(logBeta(4, 1), -Math.log(4), 1e-14);
    expectCloseTo(logBeta(0.5, 0.5), Math.log(Math.PI), 1e-14);
  });
  it('is symmetric', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (a, b) => logBeta(a, b) === logBeta(b, a) || closeTo(logBeta(a, b), logBeta(b, a), 1e-14, 1e-13),
      ),
    );
  });
});

describe('hyp2f1', () => {
  it('₂F₁(1, 1; 2; z) = −ln(1 − z)/z, also for z near 1 (≈35,000 terms), negative and tiny z', () => {
    for (const z of [0.5, -0.5, 0.9, 0.999, -0.999, 1e-8]) {
      expectCloseTo(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-13);
    }
  });
  it('₂F₁(a, b; b; z) = (1 − z)^−a, which goes through Euler’s transformation (c − a − b < 0)', () => {
    expectCloseTo(hyp2f1(2.5, 1.3, 1.3, 0.9), Math.pow(0.1, -2.5), 1e-13);
    expectCloseTo(hyp2f1(0.7, 3, 3, -0.6), Math.pow(1.6, -0.7), 1e-14);
  });
  it('₂F₁(½, ½; 3/2; z²) = arcsin(z)/z and ₂F₁(½, 1; 3/2; −z²) = arctan(z)/z', () => {
    expectCloseTo(hyp2f1(0.5, 0.5, 1.5, 0.81), Math.asin(0.9) / 0.9, 1e-13);
    expectCloseTo(hyp2f1(0.5, 1, 1.5, -0.81), Math.atan(0.9) / 0.9, 1e-13);
  });
  it('is a polynomial when a is a non-positive integer: ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))', () => {
    // b = 1.5, c = 0.5, z = 0.4: 1 − 2·1.5·0.4/0.5 + 1.5·2.5·0.16/(0.5·1.5) = 1 − 2.4 + 0.8 = −0.6
    expectCloseTo(hyp2f1(-2, 1.5, 0.5, 0.4), -0.6, 1e-14);
  });
  it('matches mpmath where no closed form helps', () => {
    /* eslint-disable no-loss-of-precision -- mpmath's digits as printed; each becomes the nearest double */
    expectCloseTo(hyp2f1(2.3, 1.7, 0.6, 0.7), 192.79902499635919832, 1e-13);
    expectCloseTo(hyp2f1(-0.3, 0.7, 1.9, -0.8), 1.0771873284818583191, 1e-14);
    expectCloseTo(hyp2f1(0.75, 1.25, 2.5, -0.95), 0.76242916650716865931, 1e-13);
    // the BG/NBD shapes: CDNOW's r, a, b (E[X(t)]: a + b − 1; eq. 10 with x = 5, T = 30, t = 10)
    expectCloseTo(hyp2f1(0.243, 2.426, 2.219, 0.999), 11.09650428868049392, 1e-12);
    expectCloseTo(hyp2f1(5.243, 7.426, 7.219, 10 / 44.414), 3.962851903447114197, 1e-13);
    /* eslint-enable no-loss-of-precision */
  });
  it('is 1 at z = 0 and NaN outside |z| < 1 or at a pole (c = 0, −1, …)', () => {
    expect(hyp2f1(3, 4, 5, 0)).toBe(1);
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, 2, -1)).toBeNaN();
    expect(hyp2f1(1, 1, 0, 0.5)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
  });
  it('satisfies Gauss’s contiguous relation in a, for z on both sides of 0', () => {
    // (c − a) F(a − 1) + (2a − c + (b − a) z) F(a) + a (z − 1) F(a + 1) = 0 with F(·) = ₂F₁(·, b; c; z):
    // three different series, so a summation error in any shows; compared with the size of the terms
    const shape = fc.double({ min: 0.05, max: 6, noNaN: true });
    fc.assert(
      fc.property(shape, shape, shape, fc.double({ min: -0.95, max: 0.95, noNaN: true }), (a, b, c, z) => {
        const terms = [
          (c - a) * hyp2f1(a - 1, b, c, z),
          (2 * a - c + (b - a) * z) * hyp2f1(a, b, c, z),
          a * (z - 1) * hyp2f1(a + 1, b, c, z),
        ];
        const size = terms.reduce((sum, term) => sum + Math.abs(term), 0);
        const residual = terms.reduce((sum, term) => sum + term, 0);
        expect(Math.abs(residual)).toBeLessThanOrEqual(1e-12 * size);
      }),
    );
  });
});

describe('hyp2f1Excess', () => {
  it('equals c [₂F₁(a, b; c; z) − 1]/(ab) where that quotient is defined', () => {
    const shape = fc.double({ min: 0.1, max: 6, noNaN: true });
    fc.assert(
      fc.property(shape, shape, shape, fc.double({ min: 1e-3, max: 0.95, noNaN: true }), (a, b, c, z) => {
        // z ≥ 1e-3: the quotient itself cancels near z = 0
        const quotient = (c * (hyp2f1(a, b, c, z) - 1)) / (a * b);
        expect(closeTo(hyp2f1Excess(a, b, c, z), quotient, 1e-9)).toBe(true);
      }),
    );
  });
  it('is Σ zᵏ/k = −ln(1 − z) at a = b = c = 0, where the quotient is 0/0', () => {
    for (const z of [0.3, -0.7, 0.99]) expectCloseTo(hyp2f1Excess(0, 0, 0, z), -Math.log1p(-z), 1e-14);
  });
  it('stops after the first term when a = −1: E(−1, b, c; z) = z', () => {
    expect(hyp2f1Excess(-1, 0.4, 2, 0.5)).toBe(0.5);
  });
  it('is NaN outside |z| < 1 or at c = −1, −2, …', () => {
    expect(hyp2f1Excess(1, 1, 1, 1)).toBeNaN();
    expect(hyp2f1Excess(1, 1, -1, 0.5)).toBeNaN();
  });
});

describe('logAddExp and logSumExp', () => {
  it('agree with the direct formula where it does not overflow', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (x, y) => {
          const direct = Math.log(Math.exp(x) + Math.exp(y));
          return (
            closeTo(logAddExp(x, y), direct, 1e-14, 1e-14) && closeTo(logSumExp([x, y]), direct, 1e-14, 1e-14)
          );
        },
      ),
    );
  });
  it('handle infinities, NaN and the empty sum', () => {
    const inf = Number.POSITIVE_INFINITY;
    expect(logAddExp(-inf, -inf)).toBe(-inf);
    expect(logAddExp(-inf, 3)).toBe(3);
    expect(logAddExp(inf, -inf)).toBe(inf);
    expect(logAddExp(Number.NaN, 0)).toBeNaN();
    expect(logSumExp([])).toBe(-inf);
    expect(logSumExp([-inf, -inf])).toBe(-inf);
    expect(logSumExp([1, inf])).toBe(inf);
    expect(logSumExp([1, Number.NaN])).toBeNaN();
  });
});

describe('nelderMead', () => {
  const rosenbrock = (v: Float64Array): number => (1 - v[0]!) ** 2 + 100 * (v[1]! - v[0]! ** 2) ** 2;

  it('finds the Rosenbrock minimum (1, 1) from the classic start (−1.2, 1)', () => {
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
    expect(result.value).toBeLessThan(1e-9);
  });
  it('finds the minimum of a 4-dimensional quadratic with a badly scaled, correlated Hessian', () => {
    const f = (v: Float64Array): number =>
      (v[0]! - 1) ** 2 + 10 * (v[1]! + 2) ** 2 + 0.1 * (v[2]! - 3) ** 2 + (v[3]! - v[0]!) ** 2;
    const result = nelderMead(f, [0, 0, 0, 0]);
    expect(result.converged).toBe(true);
    [1, -2, 3, 1].forEach((want, i) => expect(result.x[i]).toBeCloseTo(want, 4));
  });
  it('stops at maxIterations and says it has not converged', () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5 });
    expect(result.iterations).toBe(5);
    expect(result.converged).toBe(false);
  });
  it('treats NaN as +Infinity, so f can rule out a region', () => {
    const f = (v: Float64Array): number => (v[0]! < 0 ? Number.NaN : (v[0]! - 2) ** 2);
    const result = nelderMead(f, [0.1]);
    expect(result.x[0]).toBeCloseTo(2, 4);
  });
});

describe('minimizePositive', () => {
  it('searches on the log scale: finds (3, 0.002) without ever trying a non-positive value', () => {
    let tried: number[] = [];
    const f = (v: Float64Array): number => {
      tried.push(...v);
      return Math.log(v[0]! / 3) ** 2 + Math.log(v[1]! / 0.002) ** 2;
    };
    const result = minimizePositive(f, [1, 1]);
    expect(result.converged).toBe(true);
    expectCloseTo(result.x[0], 3, 1e-4);
    expectCloseTo(result.x[1], 0.002, 1e-4);
    expect(tried.every((value) => value > 0)).toBe(true);
    tried = [];
  });
});
