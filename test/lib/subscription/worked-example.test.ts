import { describe, expect, it } from 'vitest';
import { computeSubscription, residualValue } from '../../../src/lib/subscription/model';
import { sbgRetention } from '../../../src/lib/subscription/sbg';
import { WORKED_EXAMPLE } from '../../../src/lib/subscription/worked-example';
import { expectCloseTo } from '../tolerance';

/** Fader & Hardie (2007), "How to Project Customer Retention", the "regular" cohort's published fit. */
const PUBLISHED = { alpha: 0.704, beta: 1.182, logLikelihood: -1680.27 };

/** S(0 … terms − 1) from the published parameters, by the product of retention rates, independent of the model. */
function publishedSurvival(terms: number): number[] {
  const { alpha, beta } = PUBLISHED;
  const curve = [1];
  for (let t = 1; t < terms; t++) curve.push(curve[t - 1]! * ((beta + t - 1) / (alpha + beta + t - 1)));
  return curve;
}

const x = 1 / 1.1;

// Every figure the page prints for the example is what the model computes, to the precision printed.
describe('the worked example on the Subscriber value page', () => {
  const { inputs, quoted } = WORKED_EXAMPLE;
  const results = computeSubscription(inputs);
  const fit = results.fit!;

  it('fits the published parameters and log-likelihood of Fader & Hardie (2007)', () => {
    expect(fit.alpha).toBeCloseTo(PUBLISHED.alpha, 3);
    expect(fit.beta).toBeCloseTo(PUBLISHED.beta, 3);
    expect(fit.logLikelihood).toBeCloseTo(PUBLISHED.logLikelihood, 2);
  });

  it('quotes the fit as the model gives it', () => {
    expect(fit.alpha).toBeCloseTo(quoted.alpha, 3);
    expect(fit.beta).toBeCloseTo(quoted.beta, 3);
    expect(fit.logLikelihood).toBeCloseTo(quoted.logLikelihood, 2);
    expect((100 * fit.alpha) / (fit.alpha + fit.beta)).toBeCloseTo(quoted.meanChurn, 1);
  });

  it('quotes the retention at the first and seventh renewals, fitted and counted', () => {
    expect(100 * results.rows[1]!.sbgRetention!).toBeCloseTo(quoted.firstRetention, 1);
    expect(100 * results.rows[1]!.actualRetention!).toBeCloseTo(quoted.firstRetentionActual, 1);
    expect(100 * results.rows[7]!.sbgRetention!).toBeCloseTo(quoted.seventhRetention, 1);
    expect(100 * results.rows[7]!.actualRetention!).toBeCloseTo(quoted.seventhRetentionActual, 1);
  });

  it('quotes the margin, the single rate and the share left in year 10 each way', () => {
    expect(results.marginPerPayment).toBeCloseTo(quoted.margin, 10);
    expect(results.churnSource).toBe('from-survival');
    expect(100 * results.churnRate).toBeCloseTo(quoted.churn, 2);
    expect(100 * (1 - (241 / 1000) ** (1 / 7))).toBeCloseTo(quoted.churn, 2);
    expect(100 * results.rows[9]!.sbgSurvival!).toBeCloseTo(quoted.survivalYear10, 1);
    expect(100 * results.rows[9]!.constantSurvival).toBeCloseTo(quoted.survivalYear10Constant, 1);
  });

  it('quotes the values to the cent', () => {
    expect(results.clv).toBeCloseTo(quoted.clv, 2);
    expect(results.clvLongRun).toBeCloseTo(quoted.clvLongRun, 2);
    expect(results.clvConstantChurn).toBeCloseTo(quoted.clvConstantChurn, 2);
    expect(results.clvDifference).toBeCloseTo(quoted.clvDifference, 2);
    expect(quoted.clv - quoted.clvConstantChurn).toBeCloseTo(quoted.clvDifference, 10);
    expect(results.residualValue).toBeCloseTo(quoted.residualAfter1, 2);
    const w = 1 - x;
    const residual = (tenure: number) => residualValue(fit, results.marginPerPayment, w, tenure);
    expect(residual(2)).toBeCloseTo(quoted.residualAfter2, 2);
    expect(residual(5)).toBeCloseTo(quoted.residualAfter5, 2);
    expect(residual(7)).toBeCloseTo(quoted.residualAfter7, 2);
  });

  it('quotes the median lifetimes, the value to cost and the payback', () => {
    expect(results.medianLifetime).toBe(quoted.medianLifetime);
    expect(results.medianLifetimeConstant).toBe(quoted.medianLifetimeConstant);
    expect(results.clvToCac).toBeCloseTo(quoted.clvToCac, 2);
    expect(results.paybackPeriods).toBe(quoted.paybackPeriods);
  });
});

// The same figures from the paper's parameters by direct sums: no hypergeometric function, no fit, no model.
describe('the worked example against sums with the published parameters', () => {
  const { quoted } = WORKED_EXAMPLE;
  const survival = publishedSurvival(3000);
  const margin = 70;
  // The paper rounds α and β to three decimals, which moves these values by about 0.01 %.
  const ROUNDING = 2e-4;

  it('clv: 70 × Σₜ₌₀..₉ S(t) xᵗ', () => {
    const clv = survival.slice(0, 10).reduce((sum, s, t) => sum + margin * s * x ** t, 0);
    expectCloseTo(clv, quoted.clv, ROUNDING);
  });

  it('the long-run value: the same sum run until its terms vanish (x³⁰⁰⁰ < 1e-120)', () => {
    const longRun = survival.reduce((sum, s, t) => sum + margin * s * x ** t, 0);
    expectCloseTo(longRun, quoted.clvLongRun, ROUNDING);
  });

  it('the residual value after n payments: 70 × Σₖ S(n + k)/S(n − 1) xᵏ', () => {
    const residual = (n: number) =>
      survival.slice(n).reduce((sum, s, k) => sum + (margin * s * x ** k) / survival[n - 1]!, 0);
    expectCloseTo(residual(1), quoted.residualAfter1, ROUNDING);
    expectCloseTo(residual(2), quoted.residualAfter2, ROUNDING);
    expectCloseTo(residual(5), quoted.residualAfter5, ROUNDING);
    expectCloseTo(residual(7), quoted.residualAfter7, ROUNDING);
  });

  it('the published retention rates at renewals 1 and 7', () => {
    expect(100 * sbgRetention(PUBLISHED, 1)).toBeCloseTo(quoted.firstRetention, 1);
    expect(100 * sbgRetention(PUBLISHED, 7)).toBeCloseTo(quoted.seventhRetention, 1);
  });

  it('the single-rate value: 70 × Σₜ₌₀..₉ ((1 − c) x)ᵗ, term by term', () => {
    const keep = (241 / 1000) ** (1 / 7);
    const sum = Array.from({ length: 10 }, (_, t) => margin * (keep * x) ** t).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(quoted.clvConstantChurn, 2);
  });
});
