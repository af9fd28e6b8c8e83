/**
 * Tests of the BG/NBD model (Fader, Hardie & Lee 2005).
 * Expected values are worked by hand in the comments, or computed here independently of the model's closed
 * forms: by numerical integration of the model's definition over λ ~ Gamma(r, α) and p ~ Beta(a, b), by
 * the paper's formulas typed in literally, or by simulating customers. None was taken from running the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  customerLogLikelihood,
  expectedPurchases,
  fitBgnbd,
  probabilityAlive,
  WARM_START_CUSTOMERS,
  type BgnbdParams,
  type CustomerSummary,
} from '../../../../src/lib/orders/models/bgnbd';
import { hyp2f1 } from '../../../../src/lib/orders/models/special';
import { closeTo, expectCloseTo } from '../../tolerance';

/** The paper's CDNOW estimates (Table 1): a realistic point to test at and to simulate from. */
const CDNOW: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/** Every mixing distribution an exponential or a uniform: small enough to work by hand. */
const UNIT: BgnbdParams = { r: 1, alpha: 1, a: 1, b: 1 };

// ---------------------------------------------------------------------------------------------------------
// Independent reference 1: numerical integration of the model's definition.

/** Tanh–sinh nodes on (0, 1): u, 1 − u (each computed without cancellation), and ln(du/dt) · h. */
interface UnitNode {
  u: number;
  oneMinusU: number;
  logWeight: number;
}
const STEP = 1 / 32;
const UNIT_NODES: UnitNode[] = [];
/** Exp–sinh nodes on (0, ∞) for λ = e^s, s = (π/2) sinh t, with ln(dλ/dt) · h. */
const HALF_LINE_NODES: { logValue: number; logWeight: number }[] = [];
for (let k = -192; k <= 192; k++) {
  const t = k * STEP;
  const s = (Math.PI / 2) * Math.sinh(t);
  const logJacobian = Math.log((Math.PI / 2) * Math.cosh(t) * STEP);
  // u = 1/(1 + e^(−2s)): ln u = −ln(1 + e^(−2s)), ln(1 − u) = −ln(1 + e^(2s)), du/dt = 2 u (1 − u) (π/2) cosh t
  const logU = -Math.log1p(Math.exp(-2 * s));
  const logOneMinusU = -Math.log1p(Math.exp(2 * s));
  UNIT_NODES.push({
    u: Math.exp(logU),
    oneMinusU: Math.exp(logOneMinusU),
    logWeight: Math.LN2 + logU + logOneMinusU + logJacobian,
  });
  HALF_LINE_NODES.push({ logValue: s, logWeight: s + logJacobian });
}

/**
 * E[g(λ, p)] for λ ~ Gamma(shape r, rate α) and p ~ Beta(a, b), by double-exponential quadrature of
 * ∫∫ g λ^(r−1) e^(−αλ) p^(a−1) (1 − p)^(b−1) dλ dp, divided by the same quadrature of the densities alone,
 * so neither Γ nor B is needed. g gets p and 1 − p separately so that neither loses digits near 0 or 1.
 * λ is scaled by `scale` so that the nodes sit where the integrand lives.
 */
function expectOverPrior(
  { r, alpha, a, b }: BgnbdParams,
  g: (lambda: number, p: number, oneMinusP: number) => number,
  scale = 1 / alpha,
): number {
  let total = 0;
  let mass = 0;
  for (const node of UNIT_NODES) {
    const { u: p, oneMinusU: q } = node;
    if (p === 0 || q === 0) continue; // beyond the doubles; their weight is below e^(−700 min(a, b))
    const logP = (a - 1) * Math.log(p) + (b - 1) * Math.log(q) + node.logWeight;
    for (const lambdaNode of HALF_LINE_NODES) {
      const lambda = scale * Math.exp(lambdaNode.logValue);
      const logL =
        r * Math.log(scale) + (r - 1) * lambdaNode.logValue - alpha * lambda + lambdaNode.logWeight;
      const weight = Math.exp(logP + logL);
      if (weight === 0 || !Number.isFinite(weight)) continue;
      total += weight * g(lambda, p, q);
      mass += weight;
    }
  }
  return total / mass;
}

/** Part of the individual likelihood for a customer still alive at T: (1 − p)^x λ^x e^(−λT). */
const aliveLikelihood =
  ({ x, T }: CustomerSummary) =>
  (lambda: number, _p: number, q: number): number =>
    Math.pow(q, x) * Math.pow(lambda, x) * Math.exp(-lambda * T);
/** Part for a customer who dropped out right after tₓ: p (1 − p)^(x−1) λ^x e^(−λ tₓ), when x > 0. */
const goneLikelihood =
  ({ x, tx }: CustomerSummary) =>
  (lambda: number, p: number, q: number): number =>
    x === 0 ? 0 : p * Math.pow(q, x - 1) * Math.pow(lambda, x) * Math.exp(-lambda * tx);

/** ln of the individual likelihood, E over the prior of L(λ, p | x, tₓ, T), numerically. */
function integratedLogLikelihood(params: BgnbdParams, customer: CustomerSummary): number {
  const alive = aliveLikelihood(customer);
  const gone = goneLikelihood(customer);
  return Math.log(
    expectOverPrior(params, (l, p, q) => alive(l, p, q) + gone(l, p, q), 1 / (params.alpha + customer.T)),
  );
}

/** P(alive | data) = E[alive part] / E[whole likelihood], numerically. */
function integratedProbabilityAlive(params: BgnbdParams, customer: CustomerSummary): number {
  const alive = aliveLikelihood(customer);
  const gone = goneLikelihood(customer);
  const scale = 1 / (params.alpha + customer.T);
  return (
    expectOverPrior(params, alive, scale) /
    expectOverPrior(params, (l, p, q) => alive(l, p, q) + gone(l, p, q), scale)
  );
}

/**
 * E[Y(t) | data]: only an active customer buys, and one who is active with (λ, p) makes
 * E[Y(t) | λ, p] = (1 − e^(−λpt))/p purchases in t (the paper's eq. 4 with X(t) counting from an active
 * start), so E[Y(t) | data] = E[alive part · (1 − e^(−λpt))/p] / E[whole likelihood], numerically.
 */
function integratedConditionalExpectation(params: BgnbdParams, customer: CustomerSummary, t: number): number {
  const alive = aliveLikelihood(customer);
  const gone = goneLikelihood(customer);
  const scale = 1 / (params.alpha + customer.T);
  const numerator = expectOverPrior(
    params,
    (l, p, q) => (alive(l, p, q) * -Math.expm1(-l * p * t)) / p,
    scale,
  );
  return numerator / expectOverPrior(params, (l, p, q) => alive(l, p, q) + gone(l, p, q), scale);
}

// ---------------------------------------------------------------------------------------------------------
// Independent reference 2: the paper's formulas, typed in as printed.

/** Eq. 10 literally: (a+b+x−1)/(a−1) [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(…)] / (1 + δ a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)). */
function paperConditionalExpectation(params: BgnbdParams, customer: CustomerSummary, t: number): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  const z = t / (alpha + T + t);
  const bracket = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  const aliveOdds = x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0;
  return (((a + b + x - 1) / (a - 1)) * bracket) / (1 + aliveOdds);
}

// ---------------------------------------------------------------------------------------------------------
// Independent reference 3: simulated customers.

/** mulberry32: a small, fast, seedable PRNG with uniform output in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform in (0, 1): never 0, so its logarithm is finite. */
function openUniform(random: () => number): number {
  let u = 0;
  while (u === 0) u = random();
  return u;
}

/** A standard normal by Box–Muller. */
function standardNormal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(openUniform(random))) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000); for shape < 1, Gamma(shape + 1) · U^(1/shape). */
function gammaVariate(random: () => number, shape: number, rate: number): number {
  if (shape < 1) return gammaVariate(random, shape + 1, rate) * Math.pow(openUniform(random), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let normal: number;
    let v: number;
    do {
      normal = standardNormal(random);
      v = 1 + c * normal;
    } while (v <= 0);
    v = v * v * v;
    const u = openUniform(random);
    if (u < 1 - 0.0331 * normal ** 4 || Math.log(u) < 0.5 * normal * normal + d * (1 - v + Math.log(v))) {
      return (d * v) / rate;
    }
  }
}

/** Beta(a, b) as G₁/(G₁ + G₂) with Gᵢ gamma variates of shapes a and b. */
function betaVariate(random: () => number, a: number, b: number): number {
  const first = gammaVariate(random, a, 1);
  return first / (first + gammaVariate(random, b, 1));
}

/**
 * One customer as the model describes them, observed for T weeks after their first purchase: λ ~ Gamma(r, α),
 * p ~ Beta(a, b); purchases arrive as a Poisson process of rate λ, and after each repeat purchase the
 * customer leaves for good with probability p.
 */
function simulateCustomer(random: () => number, params: BgnbdParams, T: number): CustomerSummary {
  const lambda = gammaVariate(random, params.r, params.alpha);
  const p = betaVariate(random, params.a, params.b);
  let time = 0;
  let x = 0;
  let tx = 0;
  for (;;) {
    time += -Math.log(openUniform(random)) / lambda;
    if (time > T) break;
    x++;
    tx = time;
    if (random() < p) break;
  }
  return { x, tx, T };
}

// ---------------------------------------------------------------------------------------------------------

const arbitraryParams: fc.Arbitrary<BgnbdParams> = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
  a: fc.double({ min: 0.05, max: 5, noNaN: true }),
  b: fc.double({ min: 0.05, max: 10, noNaN: true }),
});
const arbitraryCustomer: fc.Arbitrary<CustomerSummary> = fc
  .record({
    x: fc.integer({ min: 0, max: 60 }),
    T: fc.double({ min: 0, max: 100, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ x, T, share }) => ({ x, tx: x === 0 ? 0 : T * share, T }));

describe('the numbers quoted in the TSDoc', () => {
  it('matches each example', () => {
    expectCloseTo(customerLogLikelihood(UNIT, { x: 0, tx: 0, T: 1 }), Math.log(0.5), 1e-15);
    expectCloseTo(bgnbdLogLikelihood(UNIT, [{ x: 0, tx: 0, T: 1, count: 2 }]), 2 * Math.log(0.5), 1e-15);
    expectCloseTo(probabilityAlive(UNIT, { x: 2, tx: 1, T: 3 }), 0.2, 1e-15);
    expectCloseTo(conditionalExpectedPurchases(UNIT, { x: 0, tx: 0, T: 1 }, 2), Math.LN2, 1e-14);
    expectCloseTo(expectedPurchases(UNIT, 1), 0.6931471805599453, 1e-14);
  });
});

describe('customerLogLikelihood and bgnbdLogLikelihood', () => {
  // With r = α = a = b = 1, λ ~ Exponential(1) and p ~ Uniform(0, 1), and every piece has a closed form.
  // A: x = 0, T = 1.  Γ(1)·1/Γ(1) = 1; B(1,1)/B(1,1) = 1; (1+1)^−1 = 1/2.            L = 1/2.
  //    Directly: E[e^−λ] = ∫ e^−2λ dλ = 1/2.
  // B: x = 2, tₓ = 1, T = 3.  Γ(3)/Γ(1) = 2; B(1,3)/B(1,1) = 1/3;
  //    (1+3)^−3 + 1/(1+2−1) · (1+1)^−3 = 1/64 + 1/16 = 5/64.                              L = 2 · 1/3 · 5/64 = 5/96.
  //    Directly: E[(1−p)²] E[λ² e^−3λ] + E[p(1−p)] E[λ² e^−λ] = 1/3 · 2/4³ + 1/6 · 2/2³ = 1/96 + 4/96.
  // C: x = 1, tₓ = 0.5, T = 2.  Γ(2)/Γ(1) = 1; B(1,2)/B(1,1) = 1/2; 3^−2 + 1 · 1.5^−2 = 1/9 + 4/9 = 5/9.
  //                                                                                        L = 1/2 · 5/9 = 5/18.
  // Total: ln(1/2 · 5/96 · 5/18) = ln(25/3456).
  const HAND: readonly [CustomerSummary, number][] = [
    [{ x: 0, tx: 0, T: 1 }, 1 / 2],
    [{ x: 2, tx: 1, T: 3 }, 5 / 96],
    [{ x: 1, tx: 0.5, T: 2 }, 5 / 18],
  ];

  it('matches the hand-worked likelihoods of three customers', () => {
    for (const [customer, likelihood] of HAND) {
      expectCloseTo(customerLogLikelihood(UNIT, customer), Math.log(likelihood), 1e-14);
    }
    expectCloseTo(
      bgnbdLogLikelihood(
        UNIT,
        HAND.map(([customer]) => customer),
      ),
      Math.log(25 / 3456),
      1e-14,
    );
  });

  it('matches numerical integration of L(λ, p | x, tₓ, T) over the gamma and beta mixing distributions', () => {
    // the integration agrees to ~1e-13 (measured), so 1e-11 leaves a margin without hiding a wrong formula
    const customers: CustomerSummary[] = [
      { x: 0, tx: 0, T: 38 },
      { x: 0, tx: 0, T: 0 },
      { x: 1, tx: 5, T: 30 },
      { x: 5, tx: 25.3, T: 36 },
      { x: 3, tx: 36, T: 36 },
      { x: 15, tx: 30, T: 32 },
    ];
    // CDNOW's own shapes (r, a < 1: singular densities at 0), then a > 1 with b < 1, then large shapes
    const paramSets: BgnbdParams[] = [
      CDNOW,
      { r: 2, alpha: 10, a: 3, b: 0.5 },
      { r: 4, alpha: 30, a: 6, b: 9 },
    ];
    for (const params of paramSets) {
      for (const customer of customers) {
        expectCloseTo(
          customerLogLikelihood(params, customer),
          integratedLogLikelihood(params, customer),
          1e-11,
        );
      }
      expectCloseTo(
        bgnbdLogLikelihood(params, customers),
        customers.reduce((sum, customer) => sum + integratedLogLikelihood(params, customer), 0),
        1e-11,
      );
    }
  });

  it('sums the per-customer terms, whatever the grouping or order', () => {
    fc.assert(
      fc.property(
        arbitraryParams,
        fc.array(arbitraryCustomer, { minLength: 1, maxLength: 30 }),
        (params, list) => {
          const direct = list.reduce((sum, customer) => sum + customerLogLikelihood(params, customer), 0);
          const scale = list.reduce(
            (sum, customer) => sum + Math.abs(customerLogLikelihood(params, customer)),
            0,
          );
          expect(Math.abs(bgnbdLogLikelihood(params, list) - direct)).toBeLessThanOrEqual(
            1e-12 * scale + 1e-12,
          );
          expect(Math.abs(bgnbdLogLikelihood(params, [...list].reverse()) - direct)).toBeLessThanOrEqual(
            1e-12 * scale + 1e-12,
          );
        },
      ),
    );
  });

  it('counts a summary with count n as n identical customers; count 0 leaves it out', () => {
    const once: CustomerSummary = { x: 4, tx: 20, T: 30 };
    const other: CustomerSummary = { x: 0, tx: 0, T: 12 };
    const expected = 3 * customerLogLikelihood(CDNOW, once) + customerLogLikelihood(CDNOW, other);
    expectCloseTo(bgnbdLogLikelihood(CDNOW, [once, other, once, once]), expected, 1e-13);
    expectCloseTo(bgnbdLogLikelihood(CDNOW, [{ ...once, count: 3 }, other]), expected, 1e-13);
    expectCloseTo(
      bgnbdLogLikelihood(CDNOW, [{ ...once, count: 3 }, other, { x: 9, tx: 1, T: 2, count: 0 }]),
      expected,
      1e-13,
    );
    expect(bgnbdLogLikelihood(CDNOW, [])).toBe(0);
  });

  it('ignores tₓ when x = 0 (there is no repeat purchase to date)', () => {
    expect(customerLogLikelihood(CDNOW, { x: 0, tx: 7, T: 30 })).toBe(
      customerLogLikelihood(CDNOW, { x: 0, tx: 0, T: 30 }),
    );
  });

  it('rejects impossible summaries and parameters with a RangeError', () => {
    expect(() => customerLogLikelihood(CDNOW, { x: 2, tx: 31, T: 30 })).toThrow(RangeError);
    expect(() => customerLogLikelihood(CDNOW, { x: 1.5, tx: 1, T: 30 })).toThrow(RangeError);
    expect(() => customerLogLikelihood(CDNOW, { x: -1, tx: 0, T: 30 })).toThrow(RangeError);
    expect(() => customerLogLikelihood(CDNOW, { x: 0, tx: 0, T: Number.NaN })).toThrow(RangeError);
    expect(() => bgnbdLogLikelihood(CDNOW, [{ x: 0, tx: 0, T: 3, count: -1 }])).toThrow(RangeError);
    expect(() => bgnbdLogLikelihood({ ...CDNOW, a: 0 }, [])).toThrow(RangeError);
    expect(() =>
      customerLogLikelihood({ ...CDNOW, alpha: Number.POSITIVE_INFINITY }, { x: 0, tx: 0, T: 1 }),
    ).toThrow(RangeError);
  });
});

describe('probabilityAlive', () => {
  it('matches the hand-worked case: 1/(1 + a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)) = 1/(1 + ½ · 2³) = 1/5', () => {
    // and directly: the alive part of customer B's likelihood is 1/96 of the whole 5/96
    expectCloseTo(probabilityAlive(UNIT, { x: 2, tx: 1, T: 3 }), 1 / 5, 1e-15);
  });
  it('is exactly 1 before the first repeat purchase (x = 0): nobody drops out until then', () => {
    expect(probabilityAlive(CDNOW, { x: 0, tx: 0, T: 50 })).toBe(1);
  });
  it('matches numerical integration of the alive share of the likelihood', () => {
    for (const customer of [
      { x: 1, tx: 5, T: 30 },
      { x: 5, tx: 25.3, T: 36 },
      { x: 15, tx: 30, T: 32 },
    ]) {
      expectCloseTo(probabilityAlive(CDNOW, customer), integratedProbabilityAlive(CDNOW, customer), 1e-11);
    }
  });
  it('is in (0, 1], stays 1 while x = 0, and falls as T grows past tₓ', () => {
    fc.assert(
      fc.property(
        arbitraryParams,
        arbitraryCustomer,
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        (params, customer, wait) => {
          const now = probabilityAlive(params, customer);
          expect(now).toBeGreaterThan(0);
          expect(now).toBeLessThanOrEqual(1);
          const later = probabilityAlive(params, { ...customer, T: customer.T + wait });
          if (customer.x > 0) expect(later).toBeLessThan(now);
          else expect(later).toBe(1);
        },
      ),
    );
  });
});

describe('conditionalExpectedPurchases (eq. 10)', () => {
  it('matches hand-worked cases at a = 1, where the paper’s formula is 0/0', () => {
    // UNIT, x = 0, T = 1: alive for sure, so E = E_post[(1 − e^(−λpt))/p] with posterior λ density 2e^(−2λ)
    // (prior e^−λ times the likelihood e^−λ): ∫₀¹ (1/p) [1 − 2/(2 + pt)] dp = ∫₀¹ t/(2 + pt) dp = ln(1 + t/2).
    for (const t of [0.5, 2, 10]) {
      expectCloseTo(conditionalExpectedPurchases(UNIT, { x: 0, tx: 0, T: 1 }, t), Math.log1p(t / 2), 1e-13);
    }
  });
  it('matches numerical integration over the posterior, for CDNOW’s a < 1 and for a + b < 1', () => {
    // agreement measured at ~1e-14; asserted at 1e-11
    const customers: CustomerSummary[] = [
      { x: 0, tx: 0, T: 38 },
      { x: 1, tx: 5, T: 30 },
      { x: 5, tx: 25.3, T: 36 },
      { x: 15, tx: 30, T: 32 },
    ];
    // CDNOW (a < 1), a + b < 1, a > 1, and a > 1 + r + x for most of these customers (the other series)
    const paramSets: BgnbdParams[] = [
      CDNOW,
      { r: 0.8, alpha: 3, a: 0.4, b: 0.3 },
      { r: 2, alpha: 10, a: 3, b: 0.5 },
      { r: 0.5, alpha: 5, a: 8, b: 20 },
    ];
    for (const params of paramSets) {
      for (const customer of customers) {
        for (const t of [1, 39, 200]) {
          expectCloseTo(
            conditionalExpectedPurchases(params, customer, t),
            integratedConditionalExpectation(params, customer, t),
            1e-11,
          );
        }
      }
    }
  });
  it('matches the paper’s formula typed in literally, away from a = 1 where that formula cancels', () => {
    const awayFromOne = fc.oneof(
      fc.double({ min: 0.1, max: 0.9, noNaN: true }),
      fc.double({ min: 1.1, max: 5, noNaN: true }),
    );
    fc.assert(
      fc.property(
        arbitraryParams,
        awayFromOne,
        arbitraryCustomer.filter((customer) => customer.x <= 20),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (params, a, customer, t) => {
          const withA = { ...params, a };
          fc.pre(withA.a + withA.b + customer.x - 1 > 0.2); // the literal formula's ₂F₁ has a pole at 0
          const ours = conditionalExpectedPurchases(withA, customer, t);
          const paper = paperConditionalExpectation(withA, customer, t);
          expect(closeTo(ours, paper, 1e-8), `${ours} vs ${paper}`).toBe(true);
        },
      ),
    );
  });
  it('is 0 for t = 0 and non-negative; rejects t < 0', () => {
    expect(conditionalExpectedPurchases(CDNOW, { x: 3, tx: 10, T: 20 }, 0)).toBe(0);
    fc.assert(
      fc.property(
        arbitraryParams,
        arbitraryCustomer,
        fc.double({ min: 0, max: 500, noNaN: true }),
        (params, customer, t) => {
          expect(conditionalExpectedPurchases(params, customer, t)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
    expect(() => conditionalExpectedPurchases(CDNOW, { x: 0, tx: 0, T: 1 }, -1)).toThrow(RangeError);
  });
});

describe('expectedPurchases', () => {
  it('matches hand-worked cases at a = 1: ln(1 + t) for UNIT, ln(1 + t) + t/(1 + t) for r = 2', () => {
    // E[X(t)] = E_p[(1 − (α/(α + pt))^r)/p] with p ~ Uniform(0, 1):
    // r = 1: ∫₀¹ t/(1 + pt) dp = ln(1 + t);
    // r = 2: ∫₀¹ (2t + pt²)/(1 + pt)² dp = ∫₁^(1+t) (u + 1)/u² du = ln(1 + t) + 1 − 1/(1 + t).
    for (const t of [0.25, 1, 39]) {
      expectCloseTo(expectedPurchases(UNIT, t), Math.log1p(t), 1e-13);
      expectCloseTo(expectedPurchases({ ...UNIT, r: 2 }, t), Math.log1p(t) + t / (1 + t), 1e-13);
    }
  });
  it('is 0 at t = 0, non-decreasing in t, and below r t/α (what customers who never left would buy)', () => {
    expect(expectedPurchases(CDNOW, 0)).toBe(0);
    fc.assert(
      fc.property(
        arbitraryParams,
        fc.double({ min: 0.01, max: 200, noNaN: true }),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        (params, t, more) => {
          const now = expectedPurchases(params, t);
          expect(now).toBeGreaterThan(0);
          expect(now).toBeLessThanOrEqual(((params.r * t) / params.alpha) * (1 + 1e-12));
          // Strictly increasing in exact arithmetic; when dropouts come fast (large a, tiny b) the curve is flat to
          // within a double's precision long before t, so two times can give the same double: never less.
          expect(expectedPurchases(params, t + more)).toBeGreaterThanOrEqual(now);
        },
      ),
    );
  });
  it('matches the Monte-Carlo average of 200,000 simulated CDNOW-like customers, within 4 standard errors', () => {
    const random = mulberry32(20050301);
    for (const t of [13, 39, 78]) {
      const n = 200_000;
      let sum = 0;
      let sumSquares = 0;
      for (let i = 0; i < n; i++) {
        const { x } = simulateCustomer(random, CDNOW, t);
        sum += x;
        sumSquares += x * x;
      }
      const mean = sum / n;
      const standardError = Math.sqrt((sumSquares / n - mean * mean) / n);
      expect(Math.abs(expectedPurchases(CDNOW, t) - mean)).toBeLessThan(4 * standardError);
    }
  });
  it('stays finite and accurate for large a, where the transformed series would overflow', () => {
    // mpmath, 30 digits, the paper's formula: (a+b−1)/(a−1) [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]
    /* eslint-disable no-loss-of-precision -- mpmath's digits as printed; each becomes the nearest double */
    expectCloseTo(expectedPurchases({ r: 0.5, alpha: 5, a: 200, b: 2000 }, 500), 7.559631870798048935, 1e-12);
    expectCloseTo(
      expectedPurchases({ r: 0.5, alpha: 5, a: 1000, b: 10000 }, 500),
      7.541676972123650186,
      1e-12,
    );
    /* eslint-enable no-loss-of-precision */
  });
  it('is the conditional expectation of a customer with no history yet (x = 0, T = 0)', () => {
    expectCloseTo(
      expectedPurchases(CDNOW, 39),
      paperConditionalExpectation(CDNOW, { x: 0, tx: 0, T: 0 }, 39),
      1e-10,
    );
  });
});

describe('fitBgnbd', () => {
  // 20,000 customers simulated from CDNOW's published estimates (we do not have the CDNOW data, so this
  // checks that the fit recovers known parameters, not the paper's numbers), ages spread over 20–78 weeks.
  const random = mulberry32(1997);
  const customers: CustomerSummary[] = [];
  for (let i = 0; i < 20_000; i++) customers.push(simulateCustomer(random, CDNOW, 20 + 58 * random()));
  const fit = fitBgnbd(customers);

  it('converges to a maximum at least as likely as the true parameters', () => {
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdLogLikelihood(CDNOW, customers));
    expectCloseTo(fit.logLikelihood, bgnbdLogLikelihood(fit, customers), 1e-12);
  });

  it('recovers r and α within 15 %, and a and b within 25 %', () => {
    // a and b are weakly identified: most customers make few repeat purchases, so the data say much about
    // the mean dropout probability a/(a + b) and little about how it spreads; r/α, the mean rate, is sharp.
    expectCloseTo(fit.r, CDNOW.r, 0.15);
    expectCloseTo(fit.alpha, CDNOW.alpha, 0.15);
    expectCloseTo(fit.a, CDNOW.a, 0.25);
    expectCloseTo(fit.b, CDNOW.b, 0.25);
    expectCloseTo(fit.r / fit.alpha, CDNOW.r / CDNOW.alpha, 0.05);
    expectCloseTo(fit.a / (fit.a + fit.b), CDNOW.a / (CDNOW.a + CDNOW.b), 0.1);
  });

  it('reaches the same maximum from a distant start', () => {
    const far = fitBgnbd(customers, { start: { r: 3, alpha: 100, a: 0.2, b: 20 } });
    expect(far.converged).toBe(true);
    expectCloseTo(far.logLikelihood, fit.logLikelihood, 1e-9);
  });

  it('fits grouped summaries exactly as the ungrouped list', () => {
    const counts = new Map<string, CustomerSummary>();
    for (const customer of customers.slice(0, 2000)) {
      const rounded = { x: customer.x, tx: Math.round(customer.tx), T: Math.ceil(customer.T) };
      const key = `${rounded.x} ${rounded.tx} ${rounded.T}`;
      const seen = counts.get(key);
      counts.set(key, { ...rounded, count: (seen?.count ?? 0) + 1 });
    }
    const grouped = [...counts.values()];
    const ungrouped = grouped.flatMap((customer) =>
      Array.from({ length: customer.count ?? 1 }, () => ({ x: customer.x, tx: customer.tx, T: customer.T })),
    );
    const start = { start: CDNOW };
    expect(fitBgnbd(grouped, start)).toEqual(fitBgnbd(ungrouped, start));
  });

  it('on more customers than the warm start thins, finishes by Newton at the maximum Nelder–Mead finds', () => {
    const many = [...customers];
    while (many.length < WARM_START_CUSTOMERS + 10_000)
      many.push(simulateCustomer(random, CDNOW, 20 + 58 * random()));
    const newton = fitBgnbd(many);
    const simplex = fitBgnbd(many, { start: { r: 1, alpha: 50, a: 1, b: 1 } });
    expect(newton.converged).toBe(true);
    expect(newton.iterations).toBeLessThan(10); // Newton steps; Nelder–Mead takes hundreds
    expect(newton.logLikelihood).toBeGreaterThanOrEqual(
      simplex.logLikelihood - 1e-9 * Math.abs(simplex.logLikelihood),
    );
    expectCloseTo(newton.logLikelihood, bgnbdLogLikelihood(newton, many), 1e-12);
    expectCloseTo(newton.r / newton.alpha, simplex.r / simplex.alpha, 1e-3);
    expectCloseTo(newton.a / (newton.a + newton.b), simplex.a / (simplex.a + simplex.b), 1e-3);
  });

  it('refuses data it cannot fit: no customers, or no repeat purchases (no maximum exists)', () => {
    expect(() => fitBgnbd([])).toThrow(RangeError);
    expect(() =>
      fitBgnbd([
        { x: 0, tx: 0, T: 10 },
        { x: 0, tx: 0, T: 20 },
      ]),
    ).toThrow(RangeError);
    expect(() => fitBgnbd([{ x: 1, tx: 20, T: 10 }])).toThrow(RangeError);
  });
});
