import { describe, expect, it } from 'vitest';
import { describeDifference, describeSubscription, periods } from '../../../src/lib/subscription/explain';
import { computeSubscription, type SubscriptionInputs } from '../../../src/lib/subscription/model';

const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];
const base: SubscriptionInputs = {
  price: 30,
  margin: 70,
  period: 'year',
  churn: null,
  cohorts: [HIGH_END],
  discount: 10,
  years: 10,
  cac: 200,
  tenure: 1,
};
const money = (x: number) => `$${x.toFixed(2)}`;

describe('Subscriber value in words', () => {
  // A cohort that loses half at the first renewal and few after: the fitted S(1) is near ½, the single rate
  // through the last point keeps (320/1000)^(1/4) ≈ 75 % a year, so over two payments the single rate
  // overvalues; over 50 undiscounted years the sBG tail (S(t) falls like a power of t, not geometrically)
  // is worth far more than the single rate's, so it undervalues.
  const EARLY_LEAVERS = [1000, 500, 400, 350, 320];

  it('says the single rate overvalues when it does (two payments)', () => {
    const results = computeSubscription({ ...base, cohorts: [EARLY_LEAVERS], years: 2 });
    expect(results.clvDifference!).toBeLessThan(0);
    expect(describeDifference(results, money, 'en-US')).toMatch(
      /^The single churn rate overvalues a new subscriber by \$\d+\.\d\d \(\d+%\)/,
    );
  });

  it('says it undervalues when it does (50 undiscounted years)', () => {
    const results = computeSubscription({ ...base, cohorts: [EARLY_LEAVERS], years: 50, discount: 0 });
    expect(results.clvDifference!).toBeGreaterThan(0);
    expect(describeDifference(results, money, 'en-US')).toMatch(
      /^The single churn rate undervalues a new subscriber by \$\d+\.\d\d \(\d+%\)/,
    );
  });

  it('agrees within half a percent for a homogeneous cohort', () => {
    const series = Array.from({ length: 8 }, (_, t) => Math.round(1e6 * 0.8 ** t));
    const results = computeSubscription({ ...base, cohorts: [series] });
    expect(describeDifference(results, money, 'en-US')).toMatch(
      /^Your cohort and the single churn rate agree/,
    );
  });

  it('every result has text and a sentence, never NaN or undefined, with and without counts', () => {
    for (const inputs of [
      base,
      { ...base, cohorts: [], churn: 8 },
      { ...base, cohorts: [[100, 100]] },
      { ...base, discount: 0, cac: 0 },
    ]) {
      const views = describeSubscription(inputs, computeSubscription(inputs), 'USD', 'en-US');
      for (const view of Object.values(views)) {
        expect(view.text).toMatch(/\S/);
        expect(view.sentence).toMatch(/\S/);
        expect(`${view.text} ${view.sentence}`).not.toMatch(/NaN|undefined|Infinity|\[object/);
        if (view.value !== null) expect(Number.isFinite(view.value)).toBe(true);
      }
    }
  });

  it('names the reason nothing was fitted', () => {
    const inputs = { ...base, cohorts: [[100, 100, 100]] };
    const views = describeSubscription(inputs, computeSubscription(inputs), 'USD', 'en-US');
    expect(views.clv.sentence).toMatch(/Nobody in these counts has cancelled yet/);
  });

  it('periods in words', () => {
    expect(periods(1, 'month', 'en-US')).toBe('1 month');
    expect(periods(12000, 'year', 'de-DE')).toBe('12.000 years');
  });
});
