import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCohortsFit,
  countCohorts,
  fitSbg,
  sbgLogLikelihood,
  sbgLogLikelihoodDirect,
  sbgRetention,
  sbgSurvivalCurve,
  type SbgFit,
} from '../../../src/lib/subscription/sbg';
import { expectCloseTo } from '../tolerance';

// Fader & Hardie (2007), "How to Project Customer Retention", J. Interactive Marketing 21(1), table 1 and
// the fitted values in the text (models.md §3).
const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];
const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241];

function fitted(cohorts: number[][]): SbgFit {
  const fit = fitSbg(countCohorts(cohorts));
  if (typeof fit === 'string') throw new Error(`not fitted: ${fit}`);
  return fit;
}

describe('sBG fit, the published cohorts', () => {
  it('"high end": α = 0.668, β = 3.806, LL = −1611.16', () => {
    const fit = fitted([HIGH_END]);
    expect(fit.alpha.toFixed(3)).toBe('0.668');
    expect(fit.beta.toFixed(3)).toBe('3.806');
    expect(fit.logLikelihood.toFixed(2)).toBe('-1611.16');
    expect(fit.converged).toBe(true);
  });

  it('"regular": α = 0.704, β = 1.182, LL = −1680.27', () => {
    const fit = fitted([REGULAR]);
    expect(fit.alpha.toFixed(3)).toBe('0.704');
    expect(fit.beta.toFixed(3)).toBe('1.182');
    expect(fit.logLikelihood.toFixed(2)).toBe('-1680.27');
  });

  it('two cohorts together add their log-likelihoods (a pasted table)', () => {
    const both = fitted([HIGH_END, REGULAR]);
    const parameters = { alpha: both.alpha, beta: both.beta };
    const sum =
      sbgLogLikelihood(parameters, countCohorts([HIGH_END])) +
      sbgLogLikelihood(parameters, countCohorts([REGULAR]));
    expectCloseTo(both.logLikelihood, sum, 1e-12);
    // the joint fit is no better for either cohort than its own fit
    expect(both.logLikelihood).toBeLessThanOrEqual(
      fitted([HIGH_END]).logLikelihood + fitted([REGULAR]).logLikelihood,
    );
  });

  it('ragged cohorts: a shorter series is right-censored where it ends', () => {
    const counts = countCohorts([
      [100, 80, 70],
      [50, 45],
    ]);
    // cancelled at renewal 1: 20 + 5, at renewal 2: 10; still active: 45 at k = 1, 70 at k = 2
    expect(counts).toEqual({ cancelled: [25, 10], censored: [45, 70] });
  });
});

describe('sBG likelihood and curves', () => {
  it('α = β = 1: S(t) = 1/(t + 1), by hand', () => {
    const curve = sbgSurvivalCurve({ alpha: 1, beta: 1 }, 4);
    [1, 1 / 2, 1 / 3, 1 / 4].forEach((expected, t) => expectCloseTo(curve[t], expected, 1e-15));
  });

  it('the log-likelihood by hand for a tiny cohort, α = β = 1', () => {
    // N = 10, 6, 4: P(T=1) = 1/2 (4 of them), P(T=2) = 1/2 − 1/3 = 1/6 (2), S(2) = 1/3 (4 still active)
    const expected = 4 * Math.log(1 / 2) + 2 * Math.log(1 / 6) + 4 * Math.log(1 / 3);
    expectCloseTo(sbgLogLikelihood({ alpha: 1, beta: 1 }, countCohorts([[10, 6, 4]])), expected, 1e-14);
  });

  const cohort = fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 30 }).map((drops) => {
    const series = [drops.reduce((sum, n) => sum + n, 0) + 50];
    for (const drop of drops) series.push(series[series.length - 1]! - drop);
    return series;
  });
  const parameter = fc.double({ min: 0.05, max: 50, noNaN: true });

  it('the fast log-likelihood equals the direct sum of ln B terms', () => {
    fc.assert(
      fc.property(
        fc.array(cohort, { minLength: 1, maxLength: 4 }),
        parameter,
        parameter,
        (cohorts, alpha, beta) => {
          const counts = countCohorts(cohorts);
          expectCloseTo(
            sbgLogLikelihood({ alpha, beta }, counts),
            sbgLogLikelihoodDirect({ alpha, beta }, counts),
            1e-9,
          );
        },
      ),
    );
  });

  it('the sBG retention rate never falls with tenure', () => {
    fc.assert(
      fc.property(parameter, parameter, fc.integer({ min: 1, max: 1000 }), (alpha, beta, t) => {
        expect(sbgRetention({ alpha, beta }, t + 1)).toBeGreaterThanOrEqual(sbgRetention({ alpha, beta }, t));
      }),
    );
  });

  it('a homogeneous cohort makes the fit approach the single rate', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.03, max: 0.4, noNaN: true }), (churn) => {
        const series = Array.from({ length: 13 }, (_, t) => Math.round(1e6 * (1 - churn) ** t));
        const fit = fitted([series]);
        for (const t of [1, 6, 12]) expect(Math.abs(sbgRetention(fit, t) - (1 - churn))).toBeLessThan(2e-3);
      }),
      { numRuns: 20 },
    );
  });

  it('says why data cannot be fitted', () => {
    expect(checkCohortsFit(countCohorts([[100, 100, 100]]))).toBe('no-cancellations');
    expect(checkCohortsFit(countCohorts([[100, 0]]))).toBe('no-survivors');
    expect(checkCohortsFit(countCohorts([]))).toBe('no-cohorts');
    expect(fitSbg(countCohorts([[100, 100]]))).toBe('no-cancellations');
    expect(checkCohortsFit(countCohorts([[100, 40, 0]]))).toBeNull();
  });
});
