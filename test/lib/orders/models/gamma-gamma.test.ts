/**
 * Tests of the Gamma-Gamma spend model (Fader, Hardie & Lee 2005; Fader & Hardie's note on its
 * parameterisation). Expected values are worked by hand in the comments, or computed here independently of
 * the model's closed forms: by numerical integration of the model's definition over ν, or by simulating
 * buyers. None was taken from running the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expectedAverageSpend,
  fitGammaGamma,
  ggLogLikelihood,
  ggNegativeLogLikelihoodDerivatives,
  populationMeanSpend,
  type BuyerSpend,
  type GammaGammaParams,
} from '../../../../src/lib/orders/models/gamma-gamma';
import { WARM_START_CUSTOMERS } from '../../../../src/lib/orders/models/bgnbd';
import { closeTo, expectCloseTo } from '../../tolerance';

/** The published CDNOW estimates (JMR 2005): p = 6.25, q = 3.74, γ = 15.44. */
const CDNOW: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };

// ---------------------------------------------------------------------------------------------------------
// Independent reference 1: numerical integration over ν.

/** Exp–sinh nodes on (0, ∞): ln of the node e^s, s = (π/2) sinh t, and ln of its weight dν/dt · h. */
// a fine step: with px up to 600 the integrands peak within a few % of their centre
const STEP = 1 / 128;
const NODES: { logValue: number; logWeight: number }[] = [];
for (let k = -768; k <= 768; k++) {
  const t = k * STEP;
  const s = (Math.PI / 2) * Math.sinh(t);
  NODES.push({ logValue: s, logWeight: s + Math.log((Math.PI / 2) * Math.cosh(t) * STEP) });
}

/**
 * ln ∫₀^∞ e^(logIntegrand(ν)) dν by exp–sinh quadrature around `scale`, summed in log space (the integrals
 * here reach Γ(600) ≈ e^3230).
 */
function logIntegrateHalfLine(logIntegrand: (nu: number, logNu: number) => number, scale: number): number {
  const logTerms = NODES.map((node) => {
    const logNu = Math.log(scale) + node.logValue;
    return logIntegrand(Math.exp(logNu), logNu) + node.logWeight + Math.log(scale);
  }).filter((logTerm) => !Number.isNaN(logTerm));
  const high = Math.max(...logTerms);
  return high + Math.log(logTerms.reduce((sum, logTerm) => sum + Math.exp(logTerm - high), 0));
}

/** ln Γ(s) = ln ∫₀^∞ u^(s−1) e^(−u) du, numerically (so no ln Γ from the code under test). */
function numericLogGamma(s: number): number {
  return logIntegrateHalfLine((u, logU) => (s - 1) * logU - u, s);
}

/**
 * ln E over ν ~ Gamma(q, rate v) of g(ν) · f(mx | ν, x), where the mean of x order values z ~ Gamma(p, rate ν)
 * is Gamma(px, rate xν): f = (xν)^(px) mx^(px−1) e^(−xν mx) / Γ(px). Both gamma densities are normalised
 * numerically.
 */
function logExpectOverNu(
  { p, q, v }: GammaGammaParams,
  { x, mx }: BuyerSpend,
  logG: (nu: number) => number,
): number {
  const logGammaPX = numericLogGamma(p * x);
  const logPriorMass = logIntegrateHalfLine((nu, logNu) => (q - 1) * logNu - v * nu, q / v);
  const scale = (p * x + q) / (v + x * mx); // the posterior mean of ν
  return logIntegrateHalfLine((nu, logNu) => {
    const logPrior = (q - 1) * logNu - v * nu - logPriorMass;
    const logDensity = p * x * (Math.log(x) + logNu) + (p * x - 1) * Math.log(mx) - x * nu * mx - logGammaPX;
    return logPrior + logDensity + logG(nu);
  }, scale);
}

/** ln f(mx | p, q, v, x) by integration. */
function integratedLogLikelihood(params: GammaGammaParams, buyer: BuyerSpend): number {
  return logExpectOverNu(params, buyer, () => 0);
}

/** E[p/ν | x, mx]: the mean of the next order, p/ν, averaged over ν's posterior, by integration. */
function integratedExpectedSpend(params: GammaGammaParams, buyer: BuyerSpend): number {
  const { p } = params;
  return Math.exp(
    logExpectOverNu(params, buyer, (nu) => Math.log(p / nu)) - logExpectOverNu(params, buyer, () => 0),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Independent reference 2: simulated buyers. (The generators repeat those of bgnbd.test.ts: test files
// share no helper module.)

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

/** Gamma(shape, rate) by Marsaglia & Tsang (2000); for shape < 1, Gamma(shape + 1) · U^(1/shape). */
function gammaVariate(random: () => number, shape: number, rate: number): number {
  if (shape < 1) return gammaVariate(random, shape + 1, rate) * Math.pow(openUniform(random), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let normal: number;
    let v: number;
    do {
      normal = Math.sqrt(-2 * Math.log(openUniform(random))) * Math.cos(2 * Math.PI * random());
      v = 1 + c * normal;
    } while (v <= 0);
    v = v * v * v;
    const u = openUniform(random);
    if (u < 1 - 0.0331 * normal ** 4 || Math.log(u) < 0.5 * normal * normal + d * (1 - v + Math.log(v))) {
      return (d * v) / rate;
    }
  }
}

/** A repeat buyer as the model describes them: ν ~ Gamma(q, v); x order values z ~ Gamma(p, ν); their mean. */
function simulateBuyer(random: () => number, { p, q, v }: GammaGammaParams, x: number): BuyerSpend {
  const nu = gammaVariate(random, q, v);
  let total = 0;
  for (let i = 0; i < x; i++) total += gammaVariate(random, p, nu);
  return { x, mx: total / x };
}

// ---------------------------------------------------------------------------------------------------------

const arbitraryParams: fc.Arbitrary<GammaGammaParams> = fc.record({
  p: fc.double({ min: 0.1, max: 20, noNaN: true }),
  q: fc.double({ min: 0.1, max: 20, noNaN: true }),
  v: fc.double({ min: 0.1, max: 1000, noNaN: true }),
});
const arbitraryBuyer: fc.Arbitrary<BuyerSpend> = fc.record({
  x: fc.integer({ min: 1, max: 50 }),
  mx: fc.double({ min: 0.01, max: 10_000, noNaN: true }),
});

describe('the numbers quoted in the TSDoc', () => {
  it('matches each example', () => {
    expectCloseTo(ggLogLikelihood({ p: 1, q: 2, v: 1 }, [{ x: 1, mx: 1 }]), Math.log(1 / 4), 1e-15);
    expectCloseTo(expectedAverageSpend(CDNOW, { x: 2, mx: 50 }), (6.25 * 115.44) / 15.24, 1e-14);
    expectCloseTo(populationMeanSpend(CDNOW), 96.5 / 2.74, 1e-14);
  });
});

describe('ggLogLikelihood', () => {
  // p = 1, q = 2, v = 1: order values are exponential with rate ν, and ν has density ν e^−ν.
  // x = 1, mx = 1: f(1 | ν) = ν e^−ν, so L = ∫ ν e^−ν · ν e^−ν dν = Γ(3)/2³ = 1/4.
  //   The note's formula: ln Γ(3) − ln Γ(1) − ln Γ(2) + 2 ln 1 + 0 · ln 1 + 1 · ln 1 − 3 ln 2 = ln 2 − 3 ln 2.
  // x = 2, mx = 1.5: the mean of two is Gamma(2, 2ν): f = 4ν² · 1.5 · e^(−3ν), so L = ∫ 6ν³ e^(−4ν) dν
  //   = 6 · 3!/4⁴ = 9/64. The formula: ln Γ(4) − 2 ln Γ(2) + ln 1.5 + 2 ln 2 − 4 ln 4 = ln(6 · 1.5 · 4/256).
  it('matches two hand-worked buyers', () => {
    const unit = { p: 1, q: 2, v: 1 };
    expectCloseTo(ggLogLikelihood(unit, [{ x: 1, mx: 1 }]), Math.log(1 / 4), 1e-15);
    expectCloseTo(ggLogLikelihood(unit, [{ x: 2, mx: 1.5 }]), Math.log(9 / 64), 1e-14);
    expectCloseTo(
      ggLogLikelihood(unit, [
        { x: 1, mx: 1 },
        { x: 2, mx: 1.5 },
      ]),
      Math.log(9 / 256),
      1e-14,
    );
  });

  it('matches numerical integration over ν of the gamma density of a mean of x gamma order values', () => {
    // the integration agrees to ~1e-13, so 1e-11 leaves a margin without hiding a wrong formula
    const buyers: BuyerSpend[] = [
      { x: 1, mx: 12.5 },
      { x: 3, mx: 40 },
      { x: 12, mx: 27.3 },
      { x: 40, mx: 180 },
    ];
    for (const params of [CDNOW, { p: 0.7, q: 1.4, v: 3 }, { p: 15, q: 25, v: 900 }]) {
      for (const buyer of buyers) {
        expectCloseTo(ggLogLikelihood(params, [buyer]), integratedLogLikelihood(params, buyer), 1e-11);
      }
    }
  });

  it('adds up buyers, whatever the order, with count n as n identical buyers', () => {
    fc.assert(
      fc.property(
        arbitraryParams,
        fc.array(arbitraryBuyer, { minLength: 1, maxLength: 20 }),
        (params, buyers) => {
          const terms = buyers.map((buyer) => ggLogLikelihood(params, [buyer]));
          const direct = terms.reduce((sum, term) => sum + term, 0);
          const scale = terms.reduce((sum, term) => sum + Math.abs(term), 0);
          expect(Math.abs(ggLogLikelihood(params, [...buyers].reverse()) - direct)).toBeLessThanOrEqual(
            1e-12 * scale,
          );
          const doubled = buyers.map((buyer) => ({ ...buyer, count: 2 }));
          expect(Math.abs(ggLogLikelihood(params, doubled) - 2 * direct)).toBeLessThanOrEqual(2e-12 * scale);
        },
      ),
    );
  });

  it('rejects impossible summaries and parameters with a RangeError; no buyers give 0', () => {
    expect(ggLogLikelihood(CDNOW, [])).toBe(0);
    expect(() => ggLogLikelihood(CDNOW, [{ x: 0, mx: 10 }])).toThrow(RangeError);
    expect(() => ggLogLikelihood(CDNOW, [{ x: 1.5, mx: 10 }])).toThrow(RangeError);
    expect(() => ggLogLikelihood(CDNOW, [{ x: 2, mx: 0 }])).toThrow(RangeError);
    expect(() => ggLogLikelihood({ ...CDNOW, q: -1 }, [{ x: 2, mx: 3 }])).toThrow(RangeError);
  });
});

describe('expectedAverageSpend and populationMeanSpend', () => {
  it('match numerical integration of p/ν over its posterior', () => {
    for (const buyer of [
      { x: 1, mx: 12.5 },
      { x: 3, mx: 40 },
      { x: 12, mx: 27.3 },
    ]) {
      expectCloseTo(expectedAverageSpend(CDNOW, buyer), integratedExpectedSpend(CDNOW, buyer), 1e-11);
    }
  });

  it('weigh the population mean against the buyer’s own: the note’s two forms agree, and lie between', () => {
    fc.assert(
      fc.property(
        arbitraryParams.filter(({ q }) => q > 1.01),
        arbitraryBuyer,
        ({ p, q, v }, buyer) => {
          const { x, mx } = buyer;
          const population = (p * v) / (q - 1);
          // the note's form as printed: [(q−1)/(px+q−1)] · p v/(q−1) + [px/(px+q−1)] · mx
          const populationWeight = (q - 1) / (p * x + q - 1);
          const ownWeight = (p * x) / (p * x + q - 1);
          const spend = expectedAverageSpend({ p, q, v }, buyer);
          const printed = populationWeight * population + ownWeight * mx;
          expect(closeTo(spend ?? Number.NaN, printed, 1e-12), `${spend} vs ${printed}`).toBe(true);
          expect(spend).toBeGreaterThanOrEqual(Math.min(population, mx) * (1 - 1e-12));
          expect(spend).toBeLessThanOrEqual(Math.max(population, mx) * (1 + 1e-12));
        },
      ),
    );
  });

  it('give the population mean p v/(q − 1) for a customer with no repeat orders yet (x = 0)', () => {
    expectCloseTo(expectedAverageSpend(CDNOW, { x: 0, mx: 0 }), 96.5 / 2.74, 1e-14);
  });

  it('are null where the mean is infinite: q ≤ 1 for the population, px + q ≤ 1 for a buyer', () => {
    const heavyTailed = { p: 0.2, q: 0.5, v: 10 };
    expect(populationMeanSpend(heavyTailed)).toBeNull();
    expect(expectedAverageSpend(heavyTailed, { x: 0, mx: 0 })).toBeNull();
    expect(expectedAverageSpend(heavyTailed, { x: 2, mx: 30 })).toBeNull(); // 0.4 + 0.5 ≤ 1
    // 0.2·3 + 0.5 = 1.1 > 1: finite even though q < 1, p(v + x mx)/(px + q − 1) = 0.2 · 100 / 0.1
    expectCloseTo(expectedAverageSpend(heavyTailed, { x: 3, mx: 30 }), 200, 1e-13);
    expect(populationMeanSpend({ p: 1, q: 1, v: 1 })).toBeNull();
  });
});

describe('fitGammaGamma', () => {
  // 10,000 repeat buyers with 1–8 repeat orders each, simulated from the published CDNOW estimates
  // (we do not have the CDNOW data, so this checks recovery of known parameters, not the paper's numbers).
  const random = mulberry32(2005);
  const buyers: BuyerSpend[] = [];
  for (let i = 0; i < 10_000; i++) buyers.push(simulateBuyer(random, CDNOW, 1 + Math.floor(8 * random())));
  const fit = fitGammaGamma(buyers);

  it('converges to a maximum at least as likely as the true parameters', () => {
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(ggLogLikelihood(CDNOW, buyers));
    expectCloseTo(fit.logLikelihood, ggLogLikelihood(fit, buyers), 1e-12);
  });

  it('recovers p within 15 %, q and v within 25 %, and the mean spend within 3 %', () => {
    // q and v are weakly identified apart: the data fix the mean spend p v/(q − 1) far more tightly than
    // how the spread of ν splits between its shape q and rate v.
    expectCloseTo(fit.p, CDNOW.p, 0.15);
    expectCloseTo(fit.q, CDNOW.q, 0.25);
    expectCloseTo(fit.v, CDNOW.v, 0.25);
    expectCloseTo(populationMeanSpend(fit), populationMeanSpend(CDNOW) ?? Number.NaN, 0.03);
  });

  it('reaches the same maximum from a distant start', () => {
    const far = fitGammaGamma(buyers, { start: { p: 0.5, q: 30, v: 2000 } });
    expectCloseTo(far.logLikelihood, fit.logLikelihood, 1e-9);
  });

  it('has the gradient and Hessian of finite differences (of ln L, and of that gradient)', () => {
    const some = buyers.slice(0, 500);
    const derivatives = ggNegativeLogLikelihoodDerivatives(some);
    const names = ['p', 'q', 'v'] as const;
    for (const params of [CDNOW, { p: 0.8, q: 1.3, v: 400 }]) {
      const at = Float64Array.of(params.p, params.q, params.v);
      const here = derivatives(at);
      expectCloseTo(here.value, -ggLogLikelihood(params, some), 1e-12);
      for (let i = 0; i < 3; i++) {
        const h = 1e-5 * params[names[i]!];
        const moved = (by: number) => ({ ...params, [names[i]!]: params[names[i]!] + by });
        const slope = (ggLogLikelihood(moved(-h), some) - ggLogLikelihood(moved(h), some)) / (2 * h);
        expect(Math.abs(here.gradient[i]! - slope)).toBeLessThan(1e-5 * (1 + Math.abs(slope)));
        const above = derivatives(
          Float64Array.from(at, (value, j) => (j === i ? value + h : value)),
        ).gradient;
        const below = derivatives(
          Float64Array.from(at, (value, j) => (j === i ? value - h : value)),
        ).gradient;
        for (let j = 0; j < 3; j++) {
          const curvature = (above[j]! - below[j]!) / (2 * h);
          expect(here.hessian[i * 3 + j]).toBe(here.hessian[j * 3 + i]);
          expect(Math.abs(here.hessian[i * 3 + j]! - curvature)).toBeLessThan(
            1e-5 * (1 + Math.abs(curvature)),
          );
        }
      }
    }
  });

  it('on more buyers than the warm start thins, finishes by Newton at the maximum Nelder–Mead finds', () => {
    const many: BuyerSpend[] = [];
    for (let i = 0; i < WARM_START_CUSTOMERS + 10_000; i++)
      many.push(simulateBuyer(random, CDNOW, 1 + Math.floor(8 * random())));
    const newton = fitGammaGamma(many);
    const simplex = fitGammaGamma(many, { start: { p: 1, q: 2, v: 50 } });
    expect(newton.converged).toBe(true);
    expect(newton.iterations).toBeLessThan(10); // Newton steps; Nelder–Mead takes over a hundred
    expect(newton.logLikelihood).toBeGreaterThanOrEqual(
      simplex.logLikelihood - 1e-9 * Math.abs(simplex.logLikelihood),
    );
    expectCloseTo(newton.logLikelihood, ggLogLikelihood(newton, many), 1e-12);
    expectCloseTo(newton.p, simplex.p, 1e-3);
    expectCloseTo(populationMeanSpend(newton), populationMeanSpend(simplex) ?? Number.NaN, 1e-4);
  });

  it('refuses an empty list', () => {
    expect(() => fitGammaGamma([])).toThrow(RangeError);
    expect(() => fitGammaGamma([{ x: 1, mx: 5, count: 0 }])).toThrow(RangeError);
  });
});
