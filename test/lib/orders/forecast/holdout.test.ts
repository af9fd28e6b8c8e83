/**
 * The holdout check on a small hand-made history, counted by hand; the BG/NBD frequency distribution
 * P(X(t) = x) against values worked by hand with r = α = a = b = 1 and against its own definition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHistory } from '../../../../src/lib/orders/history/history';
import { dayFromCivil } from '../../../../src/lib/orders/import/dates';
import {
  checkCalibrationDay,
  holdoutCheck,
  holdoutVerdict,
  modelCumulativeByDay,
} from '../../../../src/lib/orders/forecast/holdout';
import { repeatProbability } from '../../../../src/lib/orders/forecast/repeat-distribution';
import { conditionalExpectedPurchases, expectedPurchases } from '../../../../src/lib/orders/models/bgnbd';
import { expectCloseTo } from '../../tolerance';

const UNIT = { r: 1, alpha: 1, a: 1, b: 1 };
const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const D0 = dayFromCivil(2024, 1, 1); // a Monday; day offsets below are from it

/**
 * ann: days 0, 7, 14 | 21, 35 (two repeats before the calibration end at day 14, two after)
 * bob: day 0, twice on day 7 (one purchase day), | 28
 * cy:  day 10 | none after
 * dee: day 20, after the calibration end: not checked
 */
function handMade() {
  const history = createHistory();
  const orders: [string, number, number][] = [
    ['ann', 0, 10],
    ['ann', 7, 20],
    ['ann', 14, 30],
    ['ann', 21, 5],
    ['ann', 35, 5],
    ['bob', 0, 8],
    ['bob', 7, 4],
    ['bob', 7, 6],
    ['bob', 28, 1],
    ['cy', 10, 12],
    ['dee', 20, 3],
  ];
  for (const [customer, day, amount] of orders) history.add({ customer, day: D0 + day, amount });
  return history.finish({ calibrationEnd: D0 + 14 })!;
}

describe('the history’s per-customer facts', () => {
  const summary = handMade();
  const facts = summary.customerFacts!;

  it('are aligned with the model inputs, customers first seen by the calibration end only', () => {
    expect(summary.bgnbd.map((customer) => customer.customer)).toEqual(['ann', 'bob', 'cy']);
    expect(summary.bgnbd.map((customer) => customer.x)).toEqual([2, 1, 0]);
  });

  it('count orders, first and last day and spend up to the calibration end, and repeats after it', () => {
    expect(Array.from(facts.orders)).toEqual([3, 3, 1]); // bob's two day-7 orders are two orders
    expect(Array.from(facts.firstDay)).toEqual([D0, D0, D0 + 10]);
    expect(Array.from(facts.lastDay)).toEqual([D0 + 14, D0 + 7, D0 + 10]);
    expect(Array.from(facts.totalSpend)).toEqual([60, 18, 12]);
    expect(Array.from(facts.repeatSpend)).toEqual([25, 10, 0]); // (20 + 30)/2, (4 + 6)/1
    expect(Array.from(facts.holdoutRepeats)).toEqual([2, 1, 0]);
  });

  it('count the checked customers’ repeat days by week of the history', () => {
    // repeats on days 7 (ann, bob), 14, 21, 28, 35: weeks 1, 1, 2, 3, 4, 5
    expect(Array.from(facts.repeatsByWeek)).toEqual([0, 2, 1, 1, 1, 1]);
  });
});

describe('holdoutCheck', () => {
  const summary = handMade();
  const check = holdoutCheck(UNIT, summary.bgnbd, summary.customerFacts!, summary)!;

  it('sums the actual holdout repeats (2 + 1 + 0) and the forecast Σ E[Y(h*)] over h* = 21 days', () => {
    expect(check.holdoutWeeks).toBe(3);
    expect(check.holdoutRepeatActual).toBe(3);
    const expected = summary.bgnbd.reduce((sum, c) => sum + conditionalExpectedPurchases(UNIT, c, 3), 0);
    expectCloseTo(check.holdoutRepeatPredicted, expected, 1e-12);
    expectCloseTo(check.differencePercent ?? NaN, ((expected - 3) / 3) * 100, 1e-12);
  });

  it('groups by calibration frequency 0…7+: customers, actual and forecast means', () => {
    expect(check.byFrequency.customers).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
    expect(check.byFrequency.series[0]!.values).toEqual([0, 1, 2, 0, 0, 0, 0, 0]);
    // cy: x = 0, T = 4/7 weeks: ln((1 + 4/7 + 3)/(1 + 4/7))
    expectCloseTo(check.byFrequency.series[1]!.values[0], Math.log((1 + 4 / 7 + 3) / (1 + 4 / 7)), 1e-10);
    expect(check.frequencyHistogram.series[0]!.values).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
    const modelTotal = check.frequencyHistogram.series[1]!.values.reduce((a, b) => a + b, 0);
    expectCloseTo(modelTotal, 3, 1e-9);
  });

  it('tracks weekly and cumulative repeats, with the calibration end in week 2 (index 2)', () => {
    expect(check.weekly.series[0]!.values).toEqual([0, 2, 1, 1, 1, 1]);
    expect(check.cumulative.series[0]!.values).toEqual([0, 2, 3, 4, 5, 6]);
    expect(check.calibrationWeek).toBe(2);
    // the model's cumulative at the end of the last week (day 35): E[X(35/7)] + E[X(35/7)] + E[X(25/7)]
    const last = check.cumulative.series[1]!.values.at(-1)!;
    expectCloseTo(last, 2 * Math.log(1 + 5) + Math.log(1 + 25 / 7), 1e-12);
  });

  it('is null when the calibration end is the last order day', () => {
    const history = handMade();
    expect(
      holdoutCheck(UNIT, history.bgnbd, history.customerFacts!, {
        ...history,
        calibrationEnd: history.lastDay,
      }),
    ).toBeNull();
  });
});

describe('modelCumulativeByDay', () => {
  it('is Σ over customers of E[X(days since their first)]: ln(1 + t) each with unit parameters', () => {
    const cumulative = modelCumulativeByDay(UNIT, [0, 0, 7], 15);
    expectCloseTo(cumulative[14], 2 * Math.log(1 + 2) + Math.log(1 + 1), 1e-12);
    expect(cumulative[0]).toBe(0);
  });
});

describe('holdoutVerdict and the check’s day', () => {
  it('says how close, in which direction', () => {
    expect(holdoutVerdict(5)).toBe(
      'The forecast held: it was within 10\u00a0% of what happened (5\u00a0% too high).',
    );
    expect(holdoutVerdict(-20)).toMatch(/roughly right \(20\u00a0% too low\)/);
    expect(holdoutVerdict(40)).toMatch(/missed by more than 25\u00a0% \(40\u00a0% too high\)/);
    expect(holdoutVerdict(null)).toMatch(/Nobody bought again/);
  });
  it('puts the check two thirds into the history', () => {
    expect(checkCalibrationDay(0, 300)).toBe(200);
    expect(checkCalibrationDay(100, 101)).toBe(101);
  });
});

describe('repeatProbability, P(X(t) = x)', () => {
  it('by hand with unit parameters at t = 1: ½ for 0, ½ · ¼ + ½ · ½ = 3/8 for 1', () => {
    expectCloseTo(repeatProbability(UNIT, 0, 1), 0.5, 1e-14);
    expectCloseTo(repeatProbability(UNIT, 1, 1), 0.375, 1e-14);
    expect(repeatProbability(UNIT, 0, 0)).toBe(1);
    expect(repeatProbability(UNIT, 2, 0)).toBe(0);
  });

  it('sums to 1 and has mean E[X(t)], for CDNOW’s estimates and random ones', () => {
    const params = fc.record({
      r: fc.double({ min: 0.1, max: 3, noNaN: true }),
      alpha: fc.double({ min: 1, max: 20, noNaN: true }),
      a: fc.double({ min: 0.3, max: 3, noNaN: true }),
      b: fc.double({ min: 1.5, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(CDNOW), params),
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        (p, t) => {
          let total = 0;
          let mean = 0;
          for (let x = 0; x < 600; x++) {
            const probability = repeatProbability(p, x, t);
            total += probability;
            mean += x * probability;
          }
          expect(Math.abs(total - 1)).toBeLessThan(1e-6);
          expect(Math.abs(mean - expectedPurchases(p, t))).toBeLessThan(1e-4 * Math.max(1, mean));
        },
      ),
      { numRuns: 40 },
    );
  });
});
