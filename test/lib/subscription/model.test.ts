import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logBeta } from '../../../src/lib/orders/models/special';
import {
  churnFromSurvival,
  computeSubscription,
  medianOf,
  periodDiscountRate,
  residualValue,
  type SubscriptionInputs,
} from '../../../src/lib/subscription/model';
import { expectCloseTo } from '../tolerance';

const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];

const base: SubscriptionInputs = {
  price: 30,
  margin: 70,
  period: 'month',
  churn: 8,
  cohorts: [],
  discount: 10,
  years: 10,
  cac: 200,
  tenure: 1,
};

describe('the single-rate view (no cohort counts)', () => {
  it('a yearly plan by hand: 5 + 2.50 + 1.25 = 8.75, paid back by the first payment', () => {
    const result = computeSubscription({
      ...base,
      price: 10,
      margin: 50,
      period: 'year',
      churn: 50,
      discount: 0,
      years: 3,
      cac: 5,
    });
    expectCloseTo(result.clvConstantChurn, 8.75, 1e-15);
    expect(result.clv).toBeNull();
    expect(result.unfittable).toBe('no-data');
    expectCloseTo(result.clvToCac, 1.75, 1e-15);
    expect(result.paybackPeriods).toBe(1);
    expect(result.medianLifetimeConstant).toBe(1);
    expect(result.rows.map((row) => row.constantSurvival)).toEqual([1, 0.5, 0.25]);
  });

  it('discounts by the period: 100 + 100/1.1 with no churn over two years', () => {
    const result = computeSubscription({
      ...base,
      price: 100,
      margin: 100,
      period: 'year',
      churn: 0,
      discount: 10,
      years: 2,
    });
    expectCloseTo(result.clvConstantChurn, 100 + 100 / 1.1, 1e-14);
    expect(result.medianLifetimeConstant).toBeNull();
    expect(result.paybackPeriods).toBeNull(); // 100, then 190.91: still short of 200 when the horizon ends
  });

  it('a monthly rate: (1.01)¹² − 1 a year is 1 % a month', () => {
    expectCloseTo(periodDiscountRate(1.01 ** 12 - 1, 12), 0.01, 1e-13);
    expect(computeSubscription(base).horizonPeriods).toBe(120);
  });

  it('payback is null when the horizon ends first, 0 when nothing was spent', () => {
    expect(computeSubscription({ ...base, cac: 1e9 }).paybackPeriods).toBeNull();
    expect(computeSubscription({ ...base, cac: 0 }).paybackPeriods).toBe(0);
    expect(computeSubscription({ ...base, cac: 0 }).clvToCac).toBeNull();
  });
});

describe('from a cohort', () => {
  it('the single rate meets the last point: 1 − (729/1000)^(1/3) = 0.1', () => {
    expectCloseTo(churnFromSurvival([1000, 900, 810, 729]), 0.1, 1e-14);
    expectCloseTo(churnFromSurvival([1000, 810]), 0.19, 1e-14);
  });

  it('clv is M Σ S(t) xᵗ with S from the beta function, and the rate comes from the data', () => {
    const result = computeSubscription({ ...base, churn: null, cohorts: [HIGH_END] });
    const fit = result.fit!;
    expect(result.churnSource).toBe('from-survival');
    expectCloseTo(result.churnRate, 1 - (491 / 1000) ** (1 / 7), 1e-14);
    const x = 1 / (1 + periodDiscountRate(0.1, 12));
    let expected = 0;
    for (let t = 0; t < 120; t++) {
      expected += 21 * Math.exp(logBeta(fit.alpha, fit.beta + t) - logBeta(fit.alpha, fit.beta)) * x ** t;
    }
    expectCloseTo(result.clv, expected, 1e-10);
    expectCloseTo(result.clvDifference, result.clv! - result.clvConstantChurn, 1e-15);
    expect(result.rows[7]!.actualSurvival).toBe(0.491);
    expect(result.rows[8]!.actualSurvival).toBeNull();
    expectCloseTo(result.rows[1]!.actualRetention, 0.869, 1e-15);
  });

  it('the long-run value bounds the horizon value from above, and meets it at 50 years', () => {
    const tenYears = computeSubscription({ ...base, cohorts: [HIGH_END] });
    const fifty = computeSubscription({ ...base, cohorts: [HIGH_END], years: 50 });
    expect(tenYears.clv!).toBeLessThan(tenYears.clvLongRun!);
    // what is left after 600 months is at most M S(600) x⁶⁰⁰/(1 − x), under 0.2 % here
    expect((fifty.clvLongRun! - fifty.clv!) / fifty.clvLongRun!).toBeLessThan(2e-3);
    expect(fifty.clvLongRun! - fifty.clv!).toBeGreaterThan(0);
  });

  it('at a zero discount rate: long run M(α + β − 1)/(α − 1) when α > 1, else undefined; no residual', () => {
    // a nearly homogeneous cohort (large α, β) has α > 1
    const series = Array.from({ length: 13 }, (_, t) => Math.round(1e6 * 0.9 ** t));
    const result = computeSubscription({ ...base, discount: 0, cohorts: [series] });
    const { alpha, beta } = result.fit!;
    expect(alpha).toBeGreaterThan(1);
    expectCloseTo(result.clvLongRun, (21 * (alpha + beta - 1)) / (alpha - 1), 1e-12);
    expect(result.residualValue).toBeNull();
    const heterogeneous = computeSubscription({ ...base, discount: 0, cohorts: [HIGH_END] });
    expect(heterogeneous.fit!.alpha).toBeLessThan(1);
    expect(heterogeneous.clvLongRun).toBeNull();
  });

  it('residual value for α = β = 1 after one period, by hand: M (−ln(1 − x) − x)/x²', () => {
    const w = 0.1 / 1.1; // a yearly plan at 10 %
    const x = 1 / 1.1;
    const fit = { alpha: 1, beta: 1, logLikelihood: 0, converged: true };
    expectCloseTo(residualValue(fit, 21, w, 1), (21 * (-Math.log(1 - x) - x)) / (x * x), 1e-12);
    expect(residualValue(fit, 21, 0, 1)).toBeNull();
  });

  it('says why data cannot be fitted instead of making numbers up', () => {
    const result = computeSubscription({ ...base, cohorts: [[100, 100, 100]] });
    expect(result.unfittable).toBe('no-cancellations');
    expect(result.clv).toBeNull();
    expect(Number.isFinite(result.clvConstantChurn)).toBe(true);
  });
});

describe('median lifetime', () => {
  it('α = 1, β = 3: S(t) = 3/(3 + t) reaches ½ at t = 3, by hand', () => {
    expect(medianOf((t) => (3 + t - 1) / (1 + 3 + t - 1))).toBe(3);
    expect(medianOf(() => 1)).toBeNull();
  });
});

describe('properties', () => {
  const inputs = fc.record({
    price: fc.double({ min: 1, max: 1000, noNaN: true }),
    margin: fc.double({ min: 1, max: 100, noNaN: true }),
    discount: fc.double({ min: 0, max: 60, noNaN: true }),
    years: fc.integer({ min: 1, max: 20 }),
  });

  it('clv rises with margin and price and falls with the discount rate', () => {
    fc.assert(
      fc.property(inputs, fc.double({ min: 1.01, max: 3, noNaN: true }), (values, factor) => {
        const at = (changes: Partial<SubscriptionInputs>) =>
          computeSubscription({ ...base, cohorts: [HIGH_END], ...values, ...changes }).clv!;
        const now = at({});
        expect(at({ price: values.price * factor })).toBeGreaterThan(now);
        expect(at({ margin: Math.min(100, values.margin * factor) })).toBeGreaterThanOrEqual(now);
        expect(at({ discount: values.discount + 5 })).toBeLessThanOrEqual(now);
      }),
      { numRuns: 40 },
    );
  });

  it('every result is a finite number or null, never NaN', () => {
    fc.assert(
      fc.property(inputs, fc.double({ min: 0, max: 100, noNaN: true }), (values, churn) => {
        const result = computeSubscription({ ...base, cohorts: [HIGH_END], ...values, churn });
        for (const [name, value] of Object.entries(result)) {
          if (typeof value === 'number') expect(Number.isFinite(value), name).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
