/**
 * Tests of the "Sale vs Customer" model (docs/models.md §1).
 * Every expected value is worked by hand in the comment beside it; none was taken from running the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeYears,
  annualMargin,
  annualReferralValue,
  chanceActive,
  computeSaleVsCustomer,
  discountFactor,
  longRunValue,
  paybackMonths,
  saleValue,
  type SaleVsCustomerInputs,
  type SaleVsCustomerResults,
  type YearRow,
} from '../../../src/lib/sale-vs-customer/model';
import { percentToFraction, ratioOrNull } from '../../../src/lib/math';
import { ABSOLUTE_FLOOR, closeTo, expectCloseTo } from '../tolerance';
import { RUNS, ROUNDING, expectResults as expectAllResults, expectRows, inRange } from '../model-assertions';

// Tolerance helpers are shared by the model tests: ../tolerance.ts.

/** The spec's defaults. */
const DEFAULTS: SaleVsCustomerInputs = {
  aov: 60,
  margin: 40,
  freq: 4,
  retention: 60,
  discount: 10,
  years: 10,
  cac: 50,
  referrals: 0,
};

/** The numeric results, expected by hand; `rows` are checked apart. */
type ExpectedResults = Omit<SaleVsCustomerResults, 'rows'>;

/** Every scalar result, payback months exactly (see model-assertions.ts). */
const expectResults = (actual: SaleVsCustomerResults, expected: ExpectedResults) =>
  expectAllResults(actual, expected, ['paybackMonths']);

describe('closeTo', () => {
  it('accepts a relative difference within the tolerance and rejects one beyond it', () => {
    expect(closeTo(100 * (1 + 1e-13), 100)).toBe(true);
    expect(closeTo(100 * (1 + 1e-11), 100)).toBe(false);
  });
  it('uses the absolute floor near zero, where a relative tolerance would be 0', () => {
    expect(closeTo(1e-310, 0)).toBe(true);
    expect(closeTo(1e-9, 0)).toBe(false);
  });
});

describe('the numbers quoted in the TSDoc', () => {
  it('single-concept functions', () => {
    expect(percentToFraction(40)).toBe(0.4);
    expect(ratioOrNull(210, 50)).toBe(4.2);
    expect(ratioOrNull(210, 0)).toBeNull();
    expectCloseTo(saleValue(60, 0.4), 24); // 60 × 0.4
    expect(annualMargin(24, 4)).toBe(96); // 24 × 4
    expect(annualReferralValue(24, 0.5)).toBe(12); // 0.5 × 24
    expectCloseTo(chanceActive(0.6, 3), 0.36); // 0.6²
    expectCloseTo(discountFactor(0.25, 3), 0.64); // 1 / 1.25² = 1 / 1.5625
    expectCloseTo(activeYears(0.6, 10), 2.484883456); // worked in the default case below
    expectCloseTo(longRunValue(96, 0.6, 0.1), 211.2); // 96 × 1.1 / 0.5
    expect(paybackMonths(50, [96])).toBe(7); // 8 a month: 48 after 6, 56 after 7
    expect(paybackMonths(100, [96])).toBeNull(); // 96 < 100
  });
});

describe('default inputs: aov 60, margin 40 %, freq 4, retention 60 %, discount 10 %, 10 years, cac 50', () => {
  const results = computeSaleVsCustomer(DEFAULTS);

  it('gives the hand-worked results', () => {
    // S = 60 × 0.40 = 24;  A = 24 × 4 = 96;  W = 0 × 24 = 0;  r = 0.6, d = 0.1, H = 10.
    // 0.6² = 0.36, 0.6⁴ = 0.1296, 0.6⁸ = 0.01679616, 0.6¹⁰ = 0.01679616 × 0.36 = 0.0060466176.
    // activeYears = (1 − 0.6¹⁰)/(1 − 0.6) = 0.9939533824 / 0.4 = 2.484883456.
    // purchases = 4 × 2.484883456 = 9.939533824.
    // clvUndiscounted = 96 × 2.484883456 = 248.4883456 − 9.939533824 = 238.548811776.
    // clv is geometric with ratio q = r/(1+d) = 0.6/1.1 = 6/11, so 1 − q = 5/11 and
    //   q¹⁰ = 6¹⁰/11¹⁰ = 60466176 / 25937424601,
    //   clv = 96 (1 − q¹⁰)/(1 − q) = 96 × 11/5 × (1 − q¹⁰) = 211.2 × 25876958425 / 25937424601
    //       = 5465213619360 / 25937424601 = 210.707643624313…
    // longRun = 96 × 1.1 / (1.1 − 0.6) = 105.6 / 0.5 = 211.2.
    // multiple = clv / 24 = 8.8 × 25876958425 / 25937424601 = 8.779485151013…
    // net = 210.707643624313 − 50 = 160.707643624313;  clvToCac = 210.707643624313 / 50 = 4.214152872486…
    // payback: year 1 adds 96/12 = 8 a month: 8, 16, 24, 32, 40, 48 (< 50) after 6 months, 56 (≥ 50) after 7.
    expectResults(results, {
      sale: 24,
      activeYears: 2.484883456,
      purchases: 9.939533824,
      clvUndiscounted: 238.548811776,
      clv: 5465213619360 / 25937424601,
      longRun: 211.2,
      multiple: (8.8 * 25876958425) / 25937424601,
      net: 5465213619360 / 25937424601 - 50,
      clvToCac: 5465213619360 / 25937424601 / 50,
      paybackMonths: 7,
    });
  });

  it('has ten rows, the first two as worked by hand, the last ending at clv', () => {
    expect(results.rows).toHaveLength(10);
    // t = 1: a = 1, orders 4, margin 96, δ = 1, v = 96, total 96.
    // t = 2: a = 0.6, orders 2.4, margin 57.6, δ = 1/1.1, v = 57.6/1.1 = 52.3636…, total 96 + 52.3636… = 148.3636…
    expectRows(results.rows.slice(0, 2), [
      { year: 1, chanceActive: 1, orders: 4, margin: 96, discountedValue: 96, runningTotal: 96 },
      {
        year: 2,
        chanceActive: 0.6,
        orders: 2.4,
        margin: 57.6,
        discountedValue: 57.6 / 1.1,
        runningTotal: 96 + 57.6 / 1.1,
      },
    ]);
    expect(results.rows.at(-1)?.runningTotal).toBe(results.clv);
  });
});

describe('a three-year case worked in full: aov 100, margin 50 %, freq 2, retention 50 %, discount 25 %', () => {
  const inputs: SaleVsCustomerInputs = {
    aov: 100,
    margin: 50,
    freq: 2,
    retention: 50,
    discount: 25,
    years: 3,
    cac: 150,
    referrals: 0,
  };
  const results = computeSaleVsCustomer(inputs);

  it('gives every year row', () => {
    // S = 100 × 0.5 = 50;  A = 50 × 2 = 100;  W = 0.
    // t = 1: a = 1,    orders 2 × 1 = 2,      margin 100, δ = 1,             v = 100, total 100.
    // t = 2: a = 0.5,  orders 2 × 0.5 = 1,    margin 50,  δ = 1/1.25 = 0.8,   v = 40,  total 140.
    // t = 3: a = 0.25, orders 2 × 0.25 = 0.5, margin 25,  δ = 1/1.5625 = 0.64, v = 16, total 156.
    expectRows(results.rows, [
      { year: 1, chanceActive: 1, orders: 2, margin: 100, discountedValue: 100, runningTotal: 100 },
      { year: 2, chanceActive: 0.5, orders: 1, margin: 50, discountedValue: 40, runningTotal: 140 },
      { year: 3, chanceActive: 0.25, orders: 0.5, margin: 25, discountedValue: 16, runningTotal: 156 },
    ]);
  });

  it('gives every result', () => {
    // clv = 100 + 40 + 16 = 156;  clvUndiscounted = 100 + 50 + 25 = 175.
    // activeYears = (1 − 0.5³)/(1 − 0.5) = 0.875 / 0.5 = 1.75 (= 1 + 0.5 + 0.25);  purchases = 2 × 1.75 = 3.5.
    // longRun = 100 × 1.25 / (1.25 − 0.5) = 125 / 0.75 = 166.666…
    // multiple = 156 / 50 = 3.12;  net = 156 − 150 = 6;  clvToCac = 156 / 150 = 1.04.
    // payback: months 1–12 add 100/12 each → 100 after 12; months 13–24 add 40/12 = 3.333… → 140 after 24;
    //   months 25… add 16/12 = 1.333…: 140 + 7 × 1.333… = 149.333… < 150 after 31, 150.666… ≥ 150 after 32.
    expectResults(results, {
      sale: 50,
      clv: 156,
      clvUndiscounted: 175,
      activeYears: 1.75,
      purchases: 3.5,
      longRun: 125 / 0.75,
      multiple: 3.12,
      net: 6,
      clvToCac: 1.04,
      paybackMonths: 32,
    });
  });
});

describe('referrals: aov 50, margin 20 %, freq 1, retention 50 %, discount 0, 2 years, 2 referrals, cac 10', () => {
  const inputs: SaleVsCustomerInputs = {
    aov: 50,
    margin: 20,
    freq: 1,
    retention: 50,
    discount: 0,
    years: 2,
    cac: 10,
    referrals: 2,
  };

  it('adds the referred customers’ first-order margin to every year', () => {
    // S = 50 × 0.2 = 10;  A = 10 × 1 = 10;  W = 2 × 10 = 20;  A + W = 30.
    // t = 1: a = 1,   orders 1 (referrals are not the customer's own orders), margin 30, v = 30, total 30.
    // t = 2: a = 0.5, orders 0.5, margin 15, δ = 1, v = 15, total 45.
    // clv = clvUndiscounted = 45;  activeYears = 1 + 0.5 = 1.5;  purchases = 1 × 1.5 = 1.5.
    // longRun = 30 × 1 / (1 − 0.5) = 60;  multiple = 45 / 10 = 4.5;  net = 45 − 10 = 35;  clvToCac = 45/10 = 4.5.
    // payback: 30/12 = 2.5 a month, 2.5 × 4 = 10 = cac after 4 months.
    const results = computeSaleVsCustomer(inputs);
    expectRows(results.rows, [
      { year: 1, chanceActive: 1, orders: 1, margin: 30, discountedValue: 30, runningTotal: 30 },
      { year: 2, chanceActive: 0.5, orders: 0.5, margin: 15, discountedValue: 15, runningTotal: 45 },
    ]);
    expectResults(results, {
      sale: 10,
      clv: 45,
      clvUndiscounted: 45,
      activeYears: 1.5,
      purchases: 1.5,
      longRun: 60,
      multiple: 4.5,
      net: 35,
      clvToCac: 4.5,
      paybackMonths: 4,
    });
  });

  it('without referrals, the same customer is worth a third and pays back at month 12', () => {
    // A + W = 10: v = 10, 5;  clv = 15;  longRun = 10 / 0.5 = 20;  multiple = 15/10 = 1.5;  net = 5;
    // clvToCac = 1.5;  payback: 10/12 a month reaches 10 exactly at the end of year 1, month 12.
    expectResults(computeSaleVsCustomer({ ...inputs, referrals: 0 }), {
      sale: 10,
      clv: 15,
      clvUndiscounted: 15,
      activeYears: 1.5,
      purchases: 1.5,
      longRun: 20,
      multiple: 1.5,
      net: 5,
      clvToCac: 1.5,
      paybackMonths: 12,
    });
  });
});

describe('edge cases (the defaults except where named)', () => {
  // From the default case: S = 24, A = 96, clv = 5465213619360 / 25937424601 = 210.707643624313…
  const defaultClv = 5465213619360 / 25937424601;

  it('retention 0: only year 1 counts', () => {
    // a₁ = 0⁰ = 1, aₜ = 0 after: clv = clvUndiscounted = 96;  activeYears = 1;  purchases = 4.
    // longRun = 96 × 1.1 / (1.1 − 0) = 96;  multiple = 96/24 = 4;  net = 46;  clvToCac = 96/50 = 1.92;
    // payback 7 (8 a month, as in the default case).
    const results = computeSaleVsCustomer({ ...DEFAULTS, retention: 0 });
    expectResults(results, {
      sale: 24,
      clv: 96,
      clvUndiscounted: 96,
      activeYears: 1,
      purchases: 4,
      longRun: 96,
      multiple: 4,
      net: 46,
      clvToCac: 1.92,
      paybackMonths: 7,
    });
    expect(results.rows.slice(1).every((row) => row.chanceActive === 0 && row.runningTotal === 96)).toBe(
      true,
    );
  });

  it('retention 100 with discount 0: every year in full, longRun undefined', () => {
    // aₜ = 1, δₜ = 1: clv = clvUndiscounted = 10 × 96 = 960;  activeYears = H = 10;  purchases = 40.
    // r = 1 ≥ 1 + d = 1, so longRun is undefined;  multiple = 960/24 = 40;  net = 910;  clvToCac = 19.2.
    expectResults(computeSaleVsCustomer({ ...DEFAULTS, retention: 100, discount: 0 }), {
      sale: 24,
      clv: 960,
      clvUndiscounted: 960,
      activeYears: 10,
      purchases: 40,
      longRun: null,
      multiple: 40,
      net: 910,
      clvToCac: 19.2,
      paybackMonths: 7,
    });
  });

  it('retention 100 with discount 10 %: only discounting shrinks the later years', () => {
    // 1.1² = 1.21, 1.1⁴ = 1.4641, 1.1⁸ = 2.14358881, 1.1¹⁰ = 2.14358881 × 1.21 = 2.5937424601.
    // clv = 96 Σₜ₌₀..₉ 1.1^−t = 96 (1 − 1.1^−10)/(1 − 1/1.1) = 96 × 11 × (1 − 1.1^−10)
    //     = 1056 − 1056 / 2.5937424601 = 1056 − 407.133713637585… = 648.866286362414…
    // clvUndiscounted = 960;  activeYears = 10;  purchases = 40;  longRun = 96 × 1.1 / 0.1 = 1056.
    // multiple = clv / 24 = 27.036095265100…;  net = clv − 50;  clvToCac = clv / 50.
    const clv = 1056 - 1056 / 2.5937424601;
    expectResults(computeSaleVsCustomer({ ...DEFAULTS, retention: 100 }), {
      sale: 24,
      clv,
      clvUndiscounted: 960,
      activeYears: 10,
      purchases: 40,
      longRun: 1056,
      multiple: clv / 24,
      net: clv - 50,
      clvToCac: clv / 50,
      paybackMonths: 7,
    });
  });

  it('discount 0: clv equals clvUndiscounted', () => {
    // clv = clvUndiscounted = 238.548811776 (default case);  longRun = 96 / (1 − 0.6) = 240.
    // multiple = 238.548811776 / 24 = 9.939533824;  net = 188.548811776;  clvToCac = 4.77097623552.
    expectResults(computeSaleVsCustomer({ ...DEFAULTS, discount: 0 }), {
      sale: 24,
      clv: 238.548811776,
      clvUndiscounted: 238.548811776,
      activeYears: 2.484883456,
      purchases: 9.939533824,
      longRun: 240,
      multiple: 9.939533824,
      net: 188.548811776,
      clvToCac: 4.77097623552,
      paybackMonths: 7,
    });
  });

  it('margin 0: nothing to earn, so no multiple and no payback', () => {
    // S = 0, A = 0: clv = clvUndiscounted = longRun = 0;  multiple = 0/0 undefined;  net = −50;
    // clvToCac = 0/50 = 0;  never paid back.  activeYears and purchases do not depend on margin.
    expectResults(computeSaleVsCustomer({ ...DEFAULTS, margin: 0 }), {
      sale: 0,
      clv: 0,
      clvUndiscounted: 0,
      activeYears: 2.484883456,
      purchases: 9.939533824,
      longRun: 0,
      multiple: null,
      net: -50,
      clvToCac: 0,
      paybackMonths: null,
    });
  });

  it('margin 0 and cac 0: nothing to pay back, so payback 0 and no ratio', () => {
    const results = computeSaleVsCustomer({ ...DEFAULTS, margin: 0, cac: 0 });
    expect(results.paybackMonths).toBe(0);
    expect(results.clvToCac).toBeNull();
    expect(results.net).toBe(0);
  });

  it('cac 0: no clv-to-cac ratio, payback at month 0, net = clv', () => {
    const results = computeSaleVsCustomer({ ...DEFAULTS, cac: 0 });
    expect(results.clvToCac).toBeNull();
    expect(results.paybackMonths).toBe(0);
    expectCloseTo(results.net, defaultClv);
  });

  it('years 1: one row, and the long run does not depend on the horizon', () => {
    // activeYears = (1 − 0.6)/(1 − 0.6) = 1;  clv = clvUndiscounted = 96;  purchases 4;  longRun 211.2;
    // multiple = 4;  net = 46;  clvToCac = 1.92;  payback 7.
    const results = computeSaleVsCustomer({ ...DEFAULTS, years: 1 });
    expectRows(results.rows, [
      { year: 1, chanceActive: 1, orders: 4, margin: 96, discountedValue: 96, runningTotal: 96 },
    ]);
    expectResults(results, {
      sale: 24,
      clv: 96,
      clvUndiscounted: 96,
      activeYears: 1,
      purchases: 4,
      longRun: 211.2,
      multiple: 4,
      net: 46,
      clvToCac: 1.92,
      paybackMonths: 7,
    });
  });

  it('activeYears keeps its precision when retention is a hair below 100 %', () => {
    // With ε = 1 − r (exact in doubles for r ≥ 0.5), Σₜ₌₀..₄₉ (1 − ε)^t = (1 − (1 − ε)⁵⁰)/ε
    //   = 50 − C(50,2) ε + C(50,3) ε² − … = 50 − 1225 ε + 19600 ε² (the next term, ~230300 ε³, is ~1e-24).
    // This r is where the naive (1 − r^H)/(1 − r) is worst: ~5e-9 off.
    const r = 0.9999999997862038;
    const epsilon = 1 - r;
    expectCloseTo(activeYears(r, 50), 50 - 1225 * epsilon + 19600 * epsilon * epsilon, 1e-14);
  });

  it('every input at its largest stays finite', () => {
    // S = 1e9 × 1 = 1e9;  A = 365e9;  W = 10e9;  A + W = 3.75e11;  r = 1, d = 0: clv = 50 × 3.75e11 = 1.875e13.
    // longRun undefined;  activeYears 50;  purchases 365 × 50 = 18250;  multiple = 1.875e13 / 1e9 = 18750;
    // net = 1.875e13 − 1e9 = 1.8749e13;  clvToCac = 18750;  payback: 3.75e11/12 = 3.125e10 ≥ 1e9 in month 1.
    expectResults(
      computeSaleVsCustomer({
        aov: 1e9,
        margin: 100,
        freq: 365,
        retention: 100,
        discount: 0,
        years: 50,
        cac: 1e9,
        referrals: 10,
      }),
      {
        sale: 1e9,
        clv: 1.875e13,
        clvUndiscounted: 1.875e13,
        activeYears: 50,
        purchases: 18250,
        longRun: null,
        multiple: 18750,
        net: 1.8749e13,
        clvToCac: 18750,
        paybackMonths: 1,
      },
    );
  });

  it('a result too large for a double is null, not Infinity', () => {
    // retention 100, discount 1e-300 %: longRun = 96 × (1 + 1e-302) / 1e-302 ≈ 9.6e303 fits a double…
    expectCloseTo(computeSaleVsCustomer({ ...DEFAULTS, retention: 100, discount: 1e-300 }).longRun, 9.6e303);
    // …but with aov 1e9 it is 1e9 × 4 / 1e-302 = 4e311 > Number.MAX_VALUE ≈ 1.8e308.
    expect(
      computeSaleVsCustomer({ ...DEFAULTS, aov: 1e9, margin: 100, retention: 100, discount: 1e-300 }).longRun,
    ).toBeNull();
    // clv / cac with cac = 5e-324 (the smallest double) is ≈ 4.2e325, also beyond it.
    expect(computeSaleVsCustomer({ ...DEFAULTS, cac: Number.MIN_VALUE }).clvToCac).toBeNull();
  });
});

describe('payback', () => {
  const threeYears: SaleVsCustomerInputs = {
    aov: 100,
    margin: 50,
    freq: 2,
    retention: 50,
    discount: 25,
    years: 3,
    cac: 150,
    referrals: 0,
  };
  // From the three-year case: v = 100, 40, 16; running totals 100, 140, 156.

  it('reaches a cac equal to a year-end running total at that year’s last month', () => {
    // In floating point twelve additions of 100/12 fall an ulp short of 100, which is why the model allows a
    // relative slack of 1e-12; without it this case would say 13.
    let twelveMonths = 0;
    for (let month = 1; month <= 12; month++) twelveMonths += 100 / 12;
    expect(twelveMonths).toBeLessThan(100);
    expect(computeSaleVsCustomer({ ...threeYears, cac: 100 }).paybackMonths).toBe(12);
    expect(computeSaleVsCustomer({ ...threeYears, cac: 140 }).paybackMonths).toBe(24);
    expect(computeSaleVsCustomer({ ...threeYears, cac: 156 }).paybackMonths).toBe(36); // cac = clv
  });

  it('moves to the next month just past a year end', () => {
    // 100.5 > 100 after month 12; month 13 adds 40/12 = 3.33… → 103.33…
    expect(computeSaleVsCustomer({ ...threeYears, cac: 100.5 }).paybackMonths).toBe(13);
  });

  it('is null when the horizon is not enough', () => {
    // clv = 156 < 157.
    expect(computeSaleVsCustomer({ ...threeYears, cac: 157 }).paybackMonths).toBeNull();
    // default clv ≈ 210.71 < 1e9.
    expect(computeSaleVsCustomer({ ...DEFAULTS, cac: 1e9 }).paybackMonths).toBeNull();
  });
});

// --- properties -------------------------------------------------------------------------------------------

const percent = inRange(0, 100, fc.integer({ min: 0, max: 100 }));
const positive = (max: number, everydayMax: number): fc.Arbitrary<number> =>
  fc.oneof(
    fc.double({ min: 0, minExcluded: true, max, noNaN: true }),
    fc.integer({ min: 1, max: everydayMax * 100 }).map((cents) => cents / 100),
  );
const arb = {
  aov: positive(1e9, 1000),
  margin: percent,
  freq: positive(365, 52),
  retention: percent,
  discount: percent,
  years: fc.integer({ min: 1, max: 50 }),
  cac: inRange(
    0,
    1e9,
    fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
  ),
  referrals: inRange(
    0,
    10,
    fc.integer({ min: 0, max: 20 }).map((halves) => halves / 2),
  ),
};
const inputsArb: fc.Arbitrary<SaleVsCustomerInputs> = fc.record(arb);

/** Two values of the same input, the smaller first. */
function ordered(values: [number, number]): [number, number] {
  return values[0] <= values[1] ? values : [values[1], values[0]];
}

/** clv with one input replaced. */
function clvWith(inputs: SaleVsCustomerInputs, change: Partial<SaleVsCustomerInputs>): number {
  return computeSaleVsCustomer({ ...inputs, ...change }).clv;
}

/** The running total after month j, rebuilt from the rows: whole years, then part of year ⌈j/12⌉. */
function totalAfterMonth(rows: readonly YearRow[], month: number): number {
  if (month === 0) return 0;
  const year = Math.ceil(month / 12);
  const before = rows[year - 2]?.runningTotal ?? 0;
  const yearValue = rows[year - 1]?.discountedValue ?? 0;
  return before + ((month - 12 * (year - 1)) * yearValue) / 12;
}

describe('properties', () => {
  describe('clv is monotone in each input', () => {
    const increasing = ['retention', 'freq', 'margin', 'years', 'referrals'] as const;
    for (const key of increasing) {
      it(`does not fall as ${key} grows`, () => {
        fc.assert(
          fc.property(inputsArb, fc.tuple(arb[key], arb[key]), (inputs, pair) => {
            const [low, high] = ordered(pair);
            expect(clvWith(inputs, { [key]: high })).toBeGreaterThanOrEqual(
              clvWith(inputs, { [key]: low }) * (1 - ROUNDING),
            );
          }),
          RUNS,
        );
      });
    }

    it('does not rise as discount grows', () => {
      fc.assert(
        fc.property(inputsArb, fc.tuple(arb.discount, arb.discount), (inputs, pair) => {
          const [low, high] = ordered(pair);
          expect(clvWith(inputs, { discount: high })).toBeLessThanOrEqual(
            clvWith(inputs, { discount: low }) * (1 + ROUNDING),
          );
        }),
        RUNS,
      );
    });
  });

  it('clv ≤ clvUndiscounted, and clv ≤ longRun where that is defined', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const results = computeSaleVsCustomer(inputs);
        expect(results.clv).toBeLessThanOrEqual(results.clvUndiscounted);
        if (results.longRun !== null) {
          expect(results.clv).toBeLessThanOrEqual(results.longRun * (1 + ROUNDING) + ABSOLUTE_FLOOR);
        }
      }),
      RUNS,
    );
  });

  it('longRun − clv is the tail (A+W)·q^H·(1+d)/(1+d−r), with q = r/(1+d)', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const results = computeSaleVsCustomer(inputs);
        if (results.longRun === null) return;
        const r = inputs.retention / 100;
        const d = inputs.discount / 100;
        const annualValue = results.sale * inputs.freq + inputs.referrals * results.sale;
        const q = r / (1 + d);
        // (1 − r) + d rather than 1 + d − r, so a tiny d is not rounded away next to 1.
        const tail = (annualValue * Math.pow(q, inputs.years) * (1 + d)) / (1 - r + d);
        expect(
          closeTo(results.longRun - results.clv, tail, 1e-9, 1e-9 * results.longRun + ABSOLUTE_FLOOR),
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it('activeYears in closed form equals the sum of chanceActive, and purchases = freq × activeYears', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const r = inputs.retention / 100;
        let sum = 0;
        for (let t = 1; t <= inputs.years; t++) sum += chanceActive(r, t);
        const results = computeSaleVsCustomer(inputs);
        expect(closeTo(activeYears(r, inputs.years), sum, 1e-12)).toBe(true);
        expect(results.activeYears).toBe(activeYears(r, inputs.years));
        expect(closeTo(results.purchases, inputs.freq * sum, 1e-12)).toBe(true);
      }),
      RUNS,
    );
  });

  it('the rows are one per year and add up to clv and clvUndiscounted', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const { rows, clv, clvUndiscounted } = computeSaleVsCustomer(inputs);
        expect(rows).toHaveLength(inputs.years);
        expect(rows.map((row) => row.year)).toEqual(Array.from({ length: inputs.years }, (_, i) => i + 1));
        expect(rows.at(-1)?.runningTotal).toBe(clv);
        const marginSum = rows.reduce((total, row) => total + row.margin, 0);
        expect(closeTo(clvUndiscounted, marginSum)).toBe(true);
      }),
      RUNS,
    );
  });

  describe('payback agrees with the running totals', () => {
    /** The checks of one case; cac is read from the inputs. */
    function checkPayback(inputs: SaleVsCustomerInputs): void {
      const { paybackMonths: months, rows, clv } = computeSaleVsCustomer(inputs);
      const { cac } = inputs;
      const slack = 1e-9 * cac + ABSOLUTE_FLOOR;
      if (months === null) {
        expect(cac).toBeGreaterThan(0);
        expect(clv).toBeLessThan(cac + slack);
        return;
      }
      if (months === 0) {
        expect(cac).toBe(0);
        return;
      }
      expect(months).toBeGreaterThanOrEqual(1);
      expect(months).toBeLessThanOrEqual(12 * inputs.years);
      expect(totalAfterMonth(rows, months)).toBeGreaterThanOrEqual(cac - slack);
      expect(totalAfterMonth(rows, months - 1)).toBeLessThan(cac + slack);
      expect(rows[Math.ceil(months / 12) - 1]?.runningTotal).toBeGreaterThanOrEqual(cac - slack);
    }

    it('for cac drawn over its whole range', () => {
      fc.assert(fc.property(inputsArb, checkPayback), RUNS);
    });

    it('for cac drawn as a share of clv (0 to 120 %), so most cases are paid back', () => {
      fc.assert(
        fc.property(inputsArb, fc.double({ min: 0, max: 1.2, noNaN: true }), (inputs, share) => {
          checkPayback({ ...inputs, cac: Math.min(1e9, share * computeSaleVsCustomer(inputs).clv) });
        }),
        RUNS,
      );
    });
  });

  it('every result is finite, or null only where the spec allows it', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const results = computeSaleVsCustomer(inputs);
        const r = inputs.retention / 100;
        const d = inputs.discount / 100;
        for (const key of ['sale', 'clv', 'clvUndiscounted', 'activeYears', 'purchases', 'net'] as const) {
          expect(Number.isFinite(results[key]), key).toBe(true);
        }
        for (const key of ['longRun', 'multiple', 'clvToCac', 'paybackMonths'] as const) {
          const value = results[key];
          expect(value === null || Number.isFinite(value), key).toBe(true);
        }
        for (const row of results.rows) {
          expect(Object.values(row).every(Number.isFinite)).toBe(true);
        }
        // null only where undefined, or (longRun, clvToCac) where the true value is beyond the largest double.
        if (results.multiple === null) expect(results.sale).toBe(0);
        if (results.clvToCac === null) {
          expect(inputs.cac === 0 || !Number.isFinite(results.clv / inputs.cac)).toBe(true);
        }
        if (results.longRun === null) {
          const annualValue = results.sale * inputs.freq + inputs.referrals * results.sale;
          expect(r >= 1 + d || !Number.isFinite((annualValue * (1 + d)) / (1 - r + d))).toBe(true);
        }
        if (results.paybackMonths === null) expect(inputs.cac).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});
