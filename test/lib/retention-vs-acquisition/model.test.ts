/**
 * Tests of the "Retention vs Acquisition" model (docs/models.md §2).
 * Every expected value is worked by hand in the comment beside it; none was taken from running the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeYears,
  breakEvenProgramCost,
  cohortMargin,
  computeRetention,
  costToKeepOne,
  expectedLifetime,
  keepVsWinPercent,
  lostPerYear,
  replaceCost,
  retainCost,
  survivors,
  yearlySavings,
  type RetentionInputs,
  type RetentionResults,
  type RetentionYearRow,
} from '../../../src/lib/retention-vs-acquisition/model';
import { ABSOLUTE_FLOOR, closeTo, expectCloseTo } from '../tolerance';
import { RUNS, ROUNDING, expectResults, expectRows, inRange } from '../model-assertions';
import { RETENTION_PARAMS } from '../../../src/lib/retention-vs-acquisition/params';
import { defaultValues } from '../../../src/lib/params';

// Tolerance helpers are shared by the model tests: ../tolerance.ts.

/**
 * The spec's defaults until the programme cost was lowered to 10: exactly at break-even, and still what a link
 * carrying these keys opens. The base of the edge cases below.
 */
const BREAK_EVEN: RetentionInputs = {
  customers: 1000,
  churn: 30,
  churnWithProgram: 20,
  programCost: 15,
  cac: 150,
  yearlyMargin: 200,
  years: 5,
};

/** The scalar results, expected by hand; `rows` are checked apart. */
type ExpectedResults = Omit<RetentionResults, 'rows'>;

/** Rows from two lists of counts, year 0 first. */
function rowsOf(remaining: readonly number[], remainingWithProgram: readonly number[]): RetentionYearRow[] {
  return remaining.map((count, year) => ({
    year,
    remaining: count,
    remainingWithProgram: remainingWithProgram[year] ?? Number.NaN,
  }));
}

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
    expectCloseTo(lostPerYear(1000, 0.3), 300); // 0.3 × 1000
    expectCloseTo(replaceCost(150, 0.3, 1000), 45000); // 150 × 300
    expectCloseTo(retainCost(15, 150, 0.2, 1000), 45000); // 15 × 1000 + 150 × 200 = 15,000 + 30,000
    expectCloseTo(breakEvenProgramCost(150, 0.1), 15); // 150 × 0.1
    expectCloseTo(yearlySavings(10, 200, 0.15, 1000), 20000); // 1000 × (200 × 0.15 − 10) = 1000 × 20
    expectCloseTo(costToKeepOne(15, 0.1), 150); // 15 / 0.1
    expect(costToKeepOne(15, 0)).toBeNull();
    expectCloseTo(keepVsWinPercent(10, 200, 0.15), 100 / 3); // 100 × 10 / 30
    expect(keepVsWinPercent(15, 0, 0.1)).toBeNull();
    expectCloseTo(expectedLifetime(0.2), 5); // 1 / 0.2
    expect(expectedLifetime(0)).toBeNull();
    expectCloseTo(survivors(1000, 0.3, 5), 168.07); // 1000 × 0.7⁵ = 1000 × 0.16807
    expectCloseTo(activeYears(0.3, 5), 2.7731); // 1 + 0.7 + 0.49 + 0.343 + 0.2401
    expect(activeYears(1, 5)).toBe(1); // only year 1
    expect(activeYears(0, 5)).toBe(5); // every year in full
    expectCloseTo(cohortMargin(200, 1000, 0.3, 5), 554620); // 200,000 × 2.7731
  });
});

// The break-even case, worked in full. N = 1000, c₀ = 0.3, c₁ = 0.2, R = 15, A = 150, M = 200, H = 5.
//   lostPerYear = 0.3 × 1000 = 300;  lostPerYearWithProgram = 0.2 × 1000 = 200.
//   replaceCostPerYear = 150 × 300 = 45,000.
//   retainCostPerYear = 15 × 1000 + 150 × 200 = 15,000 + 30,000 = 45,000.
//   savingsPerYear = 45,000 − 45,000 = 0 — exactly at break-even:
//   breakEvenProgramCost = 150 × (0.3 − 0.2) = 150 × 0.1 = 15 = R.  savingsTotal = 5 × 0 = 0.
//   costToKeepOne = 15 / 0.1 = 150;  keepVsWinPercent = 100 × 150 / 150 = 100.
//   lifetimeYears = 1 / 0.3 = 3.333…;  lifetimeYearsWithProgram = 1 / 0.2 = 5.
//   profitPerYear = 200 × 1000 − 45,000 = 200,000 − 45,000 = 155,000;  with the programme the same, 155,000.
//   0.7² = 0.49, 0.7³ = 0.343, 0.7⁴ = 0.2401, 0.7⁵ = 0.16807:  remaining = 1000 × 0.16807 = 168.07.
//   0.8² = 0.64, 0.8³ = 0.512, 0.8⁴ = 0.4096, 0.8⁵ = 0.32768:  remainingWithProgram = 1000 × 0.32768 = 327.68.
//   cohortValue = 200 × 1000 × (1 − 0.7⁵)/0.3 = 200,000 × 0.83193 / 0.3 = 200,000 × 2.7731 = 554,620
//     (check: 1 + 0.7 + 0.49 + 0.343 + 0.2401 = 2.7731).
//   cohortValueWithProgram = (200 − 15) × 1000 × (1 − 0.8⁵)/0.2 = 185,000 × 0.67232 / 0.2 = 185,000 × 3.3616
//     = 621,896 (check: 1 + 0.8 + 0.64 + 0.512 + 0.4096 = 3.3616;  3.3616 × 185 = 621.896).
const BREAK_EVEN_RESULTS: ExpectedResults = {
  lostPerYear: 300,
  lostPerYearWithProgram: 200,
  replaceCostPerYear: 45000,
  retainCostPerYear: 45000,
  savingsPerYear: 0,
  savingsTotal: 0,
  breakEvenProgramCost: 15,
  costToKeepOne: 150,
  keepVsWinPercent: 100,
  lifetimeYears: 10 / 3,
  lifetimeYearsWithProgram: 5,
  profitPerYear: 155000,
  profitPerYearWithProgram: 155000,
  remaining: 168.07,
  remainingWithProgram: 327.68,
  cohortValue: 554620,
  cohortValueWithProgram: 621896,
};

describe('break-even: 1000 customers, churn 30 % → 20 %, programme 15, cac 150, margin 200, 5 years', () => {
  const results = computeRetention(BREAK_EVEN);

  it('gives the hand-worked results', () => {
    expectResults(results, BREAK_EVEN_RESULTS);
  });

  it('sits exactly at break-even: savings are 0 and keeping costs exactly 100 % of winning', () => {
    expect(results.savingsPerYear).toBe(0);
    expect(results.keepVsWinPercent).toBe(100);
  });

  it('has a row for today and each of the 5 years', () => {
    // remaining: 1000, 700, 490, 343, 240.1, 168.07;  with the programme: 1000, 800, 640, 512, 409.6, 327.68.
    expectRows(
      results.rows,
      rowsOf([1000, 700, 490, 343, 240.1, 168.07], [1000, 800, 640, 512, 409.6, 327.68]),
    );
    expect(results.rows[0]).toEqual({ year: 0, remaining: 1000, remainingWithProgram: 1000 });
  });
});

describe('default inputs: the break-even case with the programme at 10 instead of 15', () => {
  it('are the calculator’s defaults', () => {
    expect(defaultValues(RETENTION_PARAMS)).toEqual({ ...BREAK_EVEN, programCost: 10 });
  });

  it('show a programme that pays, with the hand-worked results', () => {
    // R = 10:  retainCostPerYear = 10 × 1000 + 150 × 200 = 10,000 + 30,000 = 40,000.
    //   savingsPerYear = 45,000 − 40,000 = 5,000;  savingsTotal = 5 × 5,000 = 25,000.
    //   costToKeepOne = 10 / 0.1 = 100;  keepVsWinPercent = 100 × 100 / 150 = 66.666… = 200/3.
    //   profitPerYearWithProgram = 200,000 − 40,000 = 160,000.
    //   cohortValueWithProgram = (200 − 10) × 1000 × 3.3616 = 190,000 × 3.3616 = 638,704.
    //   Break-even stays 150 × 0.1 = 15; everything without the programme is as at break-even.
    expectResults(computeRetention({ ...BREAK_EVEN, programCost: 10 }), {
      ...BREAK_EVEN_RESULTS,
      retainCostPerYear: 40000,
      savingsPerYear: 5000,
      savingsTotal: 25000,
      costToKeepOne: 100,
      keepVsWinPercent: 200 / 3,
      profitPerYearWithProgram: 160000,
      cohortValueWithProgram: 638704,
    });
  });
});

describe('the programme pays: 1000 customers, churn 40 % → 25 %, programme 10, cac 200, margin 200, 3 years', () => {
  const inputs: RetentionInputs = {
    customers: 1000,
    churn: 40,
    churnWithProgram: 25,
    programCost: 10,
    cac: 200,
    yearlyMargin: 200,
    years: 3,
  };
  const results = computeRetention(inputs);

  it('gives every result', () => {
    // lost = 0.4 × 1000 = 400;  with the programme 0.25 × 1000 = 250.
    // replace = 200 × 400 = 80,000;  retain = 10 × 1000 + 200 × 250 = 10,000 + 50,000 = 60,000.
    // savings = 80,000 − 60,000 = 20,000 a year;  over 3 years 60,000.
    // breakEven = 200 × (0.4 − 0.25) = 200 × 0.15 = 30 (> R = 10, so it pays).
    // costToKeepOne = 10 / 0.15 = 66.666… = 200/3;  keepVsWin = 100 × (200/3) / 200 = 33.333… = 100/3.
    // lifetimes 1/0.4 = 2.5 and 1/0.25 = 4.
    // profit = 200 × 1000 − 80,000 = 120,000;  with the programme 200,000 − 60,000 = 140,000.
    // remaining = 1000 × 0.6³ = 1000 × 0.216 = 216;  with = 1000 × 0.75³ = 1000 × 0.421875 = 421.875.
    // cohortValue = 200 × 1000 × (1 + 0.6 + 0.36) = 200,000 × 1.96 = 392,000  [(1 − 0.216)/0.4 = 1.96].
    // cohortValueWithProgram = (200 − 10) × 1000 × (1 + 0.75 + 0.5625) = 190,000 × 2.3125 = 439,375
    //   [(1 − 0.421875)/0.25 = 2.3125;  190,000 × 2 = 380,000, 190,000 × 0.3125 = 59,375].
    expectResults(results, {
      lostPerYear: 400,
      lostPerYearWithProgram: 250,
      replaceCostPerYear: 80000,
      retainCostPerYear: 60000,
      savingsPerYear: 20000,
      savingsTotal: 60000,
      breakEvenProgramCost: 30,
      costToKeepOne: 200 / 3,
      keepVsWinPercent: 100 / 3,
      lifetimeYears: 2.5,
      lifetimeYearsWithProgram: 4,
      profitPerYear: 120000,
      profitPerYearWithProgram: 140000,
      remaining: 216,
      remainingWithProgram: 421.875,
      cohortValue: 392000,
      cohortValueWithProgram: 439375,
    });
  });

  it('gives every row', () => {
    // 1000 × 0.6^t: 1000, 600, 360, 216;  1000 × 0.75^t: 1000, 750, 562.5, 421.875.
    expectRows(results.rows, rowsOf([1000, 600, 360, 216], [1000, 750, 562.5, 421.875]));
  });
});

describe('the programme does not pay: 200 customers, churn 10 % → 8 %, programme 20, cac 100, margin 50, 2 years', () => {
  const inputs: RetentionInputs = {
    customers: 200,
    churn: 10,
    churnWithProgram: 8,
    programCost: 20,
    cac: 100,
    yearlyMargin: 50,
    years: 2,
  };

  it('gives every result, with negative savings', () => {
    // lost = 0.1 × 200 = 20;  with the programme 0.08 × 200 = 16.
    // replace = 100 × 20 = 2,000;  retain = 20 × 200 + 100 × 16 = 4,000 + 1,600 = 5,600.
    // savings = 2,000 − 5,600 = −3,600 a year;  over 2 years −7,200.
    // breakEven = 100 × (0.1 − 0.08) = 100 × 0.02 = 2 (< R = 20, so it does not pay).
    // costToKeepOne = 20 / 0.02 = 1,000;  keepVsWin = 100 × 1,000 / 100 = 1,000 (ten times the cost of winning).
    // lifetimes 1/0.1 = 10 and 1/0.08 = 12.5.
    // profit = 50 × 200 − 2,000 = 10,000 − 2,000 = 8,000;  with the programme 10,000 − 5,600 = 4,400.
    // remaining = 200 × 0.9² = 200 × 0.81 = 162;  with = 200 × 0.92² = 200 × 0.8464 = 169.28.
    // cohortValue = 50 × 200 × (1 + 0.9) = 10,000 × 1.9 = 19,000.
    // cohortValueWithProgram = (50 − 20) × 200 × (1 + 0.92) = 6,000 × 1.92 = 11,520.
    const results = computeRetention(inputs);
    expectResults(results, {
      lostPerYear: 20,
      lostPerYearWithProgram: 16,
      replaceCostPerYear: 2000,
      retainCostPerYear: 5600,
      savingsPerYear: -3600,
      savingsTotal: -7200,
      breakEvenProgramCost: 2,
      costToKeepOne: 1000,
      keepVsWinPercent: 1000,
      lifetimeYears: 10,
      lifetimeYearsWithProgram: 12.5,
      profitPerYear: 8000,
      profitPerYearWithProgram: 4400,
      remaining: 162,
      remainingWithProgram: 169.28,
      cohortValue: 19000,
      cohortValueWithProgram: 11520,
    });
    // 200 × 0.9^t: 200, 180, 162;  200 × 0.92^t: 200, 184, 169.28.
    expectRows(results.rows, rowsOf([200, 180, 162], [200, 184, 169.28]));
  });

  it('a programme dearer than the margin makes the cohort with it worth less than nothing', () => {
    // margin 15 < R = 20:  profit = 15 × 200 − 2,000 = 1,000;  with = 3,000 − 5,600 = −2,600.
    // cohortValue = 15 × 200 × 1.9 = 5,700;  cohortValueWithProgram = (15 − 20) × 200 × 1.92 = −5 × 384 = −1,920.
    const results = computeRetention({ ...inputs, yearlyMargin: 15 });
    expectCloseTo(results.profitPerYear, 1000);
    expectCloseTo(results.profitPerYearWithProgram, -2600);
    expectCloseTo(results.cohortValue, 5700);
    expectCloseTo(results.cohortValueWithProgram, -1920);
  });
});

describe('edge cases (the break-even case except where named)', () => {
  it('churn 0 (so 0 with the programme too): nobody leaves', () => {
    // lost 0 and 0;  replace = 150 × 0 = 0;  retain = 15 × 1000 + 0 = 15,000;  savings = −15,000 (= −R N);
    // total = 5 × −15,000 = −75,000;  breakEven = 150 × 0 = 0;  costToKeepOne, keepVsWin undefined (c₀ = c₁);
    // lifetimes undefined ("never leaves");  profit = 200,000 − 0 = 200,000;  with = 200,000 − 15,000 = 185,000;
    // remaining = 1000 × 1⁵ = 1000 = N both;  cohortValue = M N H = 200 × 1000 × 5 = 1,000,000;
    // cohortValueWithProgram = 185 × 1000 × 5 = 925,000.
    const results = computeRetention({ ...BREAK_EVEN, churn: 0, churnWithProgram: 0 });
    expectResults(results, {
      lostPerYear: 0,
      lostPerYearWithProgram: 0,
      replaceCostPerYear: 0,
      retainCostPerYear: 15000,
      savingsPerYear: -15000,
      savingsTotal: -75000,
      breakEvenProgramCost: 0,
      costToKeepOne: null,
      keepVsWinPercent: null,
      lifetimeYears: null,
      lifetimeYearsWithProgram: null,
      profitPerYear: 200000,
      profitPerYearWithProgram: 185000,
      remaining: 1000,
      remainingWithProgram: 1000,
      cohortValue: 1000000,
      cohortValueWithProgram: 925000,
    });
    expectRows(
      results.rows,
      rowsOf([1000, 1000, 1000, 1000, 1000, 1000], [1000, 1000, 1000, 1000, 1000, 1000]),
    );
  });

  it('churn 100 with the programme 100: everyone leaves each year, only year 1 earns', () => {
    // lost 1000 and 1000;  replace = 150 × 1000 = 150,000;  retain = 15,000 + 150,000 = 165,000;
    // savings = −15,000 (= −R N);  total −75,000;  breakEven 0;  costToKeepOne, keepVsWin undefined;
    // lifetimes 1/1 = 1;  profit = 200,000 − 150,000 = 50,000;  with = 200,000 − 165,000 = 35,000;
    // remaining = 1000 × 0⁵ = 0 both;  cohortValue = M N × 1 = 200,000;  with = 185 × 1000 × 1 = 185,000.
    const results = computeRetention({ ...BREAK_EVEN, churn: 100, churnWithProgram: 100 });
    expectResults(results, {
      lostPerYear: 1000,
      lostPerYearWithProgram: 1000,
      replaceCostPerYear: 150000,
      retainCostPerYear: 165000,
      savingsPerYear: -15000,
      savingsTotal: -75000,
      breakEvenProgramCost: 0,
      costToKeepOne: null,
      keepVsWinPercent: null,
      lifetimeYears: 1,
      lifetimeYearsWithProgram: 1,
      profitPerYear: 50000,
      profitPerYearWithProgram: 35000,
      remaining: 0,
      remainingWithProgram: 0,
      cohortValue: 200000,
      cohortValueWithProgram: 185000,
    });
    // N today, then nobody: 1000, 0, 0, 0, 0, 0 under both.
    expectRows(results.rows, rowsOf([1000, 0, 0, 0, 0, 0], [1000, 0, 0, 0, 0, 0]));
  });

  it('churn 100 with the programme 50: the programme halves the losses', () => {
    // lost 1000 and 500;  replace 150,000;  retain = 15,000 + 150 × 500 = 15,000 + 75,000 = 90,000;
    // savings = 60,000;  total = 300,000;  breakEven = 150 × 0.5 = 75;  costToKeepOne = 15 / 0.5 = 30;
    // keepVsWin = 100 × 30 / 150 = 20;  lifetimes 1 and 1/0.5 = 2;  profit 50,000;  with = 200,000 − 90,000
    // = 110,000;  remaining 0;  with = 1000 × 0.5⁵ = 1000 / 32 = 31.25;  cohortValue = 200,000;
    // with = 185 × 1000 × (1 + 0.5 + 0.25 + 0.125 + 0.0625) = 185,000 × 1.9375 = 370,000 − 11,562.5 = 358,437.5.
    const results = computeRetention({ ...BREAK_EVEN, churn: 100, churnWithProgram: 50 });
    expectResults(results, {
      lostPerYear: 1000,
      lostPerYearWithProgram: 500,
      replaceCostPerYear: 150000,
      retainCostPerYear: 90000,
      savingsPerYear: 60000,
      savingsTotal: 300000,
      breakEvenProgramCost: 75,
      costToKeepOne: 30,
      keepVsWinPercent: 20,
      lifetimeYears: 1,
      lifetimeYearsWithProgram: 2,
      profitPerYear: 50000,
      profitPerYearWithProgram: 110000,
      remaining: 0,
      remainingWithProgram: 31.25,
      cohortValue: 200000,
      cohortValueWithProgram: 358437.5,
    });
    expectRows(results.rows, rowsOf([1000, 0, 0, 0, 0, 0], [1000, 500, 250, 125, 62.5, 31.25]));
  });

  it('equal churn rates: the programme keeps no one and costs R N a year', () => {
    // c₀ = c₁ = 0.3:  lost 300 and 300;  replace 45,000;  retain = 15,000 + 45,000 = 60,000;
    // savings = −15,000 = −R N;  total −75,000;  breakEven 0;  costToKeepOne, keepVsWin undefined;
    // lifetimes 3.333… both;  profit 155,000;  with = 200,000 − 60,000 = 140,000;  remaining 168.07 both;
    // cohortValue 554,620;  with = 185,000 × 2.7731 = 513,023.5 (2.7731 × 185 = 277.31 + 221.848 + 13.8655).
    expectResults(computeRetention({ ...BREAK_EVEN, churnWithProgram: 30 }), {
      lostPerYear: 300,
      lostPerYearWithProgram: 300,
      replaceCostPerYear: 45000,
      retainCostPerYear: 60000,
      savingsPerYear: -15000,
      savingsTotal: -75000,
      breakEvenProgramCost: 0,
      costToKeepOne: null,
      keepVsWinPercent: null,
      lifetimeYears: 10 / 3,
      lifetimeYearsWithProgram: 10 / 3,
      profitPerYear: 155000,
      profitPerYearWithProgram: 140000,
      remaining: 168.07,
      remainingWithProgram: 168.07,
      cohortValue: 554620,
      cohortValueWithProgram: 513023.5,
    });
  });

  it('cac 0: replacing is free, so the programme cannot pay; no keep-vs-win ratio', () => {
    // replace = 0 × 300 = 0;  retain = 15,000 + 0 = 15,000;  savings = −15,000 = −R N;  total −75,000;
    // breakEven = 0 × 0.1 = 0;  costToKeepOne = 15 / 0.1 = 150 (still defined);  keepVsWin undefined (A = 0);
    // profit = 200,000;  with = 185,000;  the rest as the defaults.
    expectResults(computeRetention({ ...BREAK_EVEN, cac: 0 }), {
      ...BREAK_EVEN_RESULTS,
      replaceCostPerYear: 0,
      retainCostPerYear: 15000,
      savingsPerYear: -15000,
      savingsTotal: -75000,
      breakEvenProgramCost: 0,
      costToKeepOne: 150,
      keepVsWinPercent: null,
      profitPerYear: 200000,
      profitPerYearWithProgram: 185000,
    });
  });

  it('programme cost 0: keeping is free', () => {
    // retain = 0 + 30,000 = 30,000;  savings = 45,000 − 30,000 = 15,000;  total 75,000;  breakEven still 15;
    // costToKeepOne = 0 / 0.1 = 0;  keepVsWin = 0;  profit with = 200,000 − 30,000 = 170,000;
    // cohortValueWithProgram = 200 × 1000 × 3.3616 = 672,320.
    expectResults(computeRetention({ ...BREAK_EVEN, programCost: 0 }), {
      ...BREAK_EVEN_RESULTS,
      retainCostPerYear: 30000,
      savingsPerYear: 15000,
      savingsTotal: 75000,
      costToKeepOne: 0,
      keepVsWinPercent: 0,
      profitPerYearWithProgram: 170000,
      cohortValueWithProgram: 672320,
    });
  });

  it('years 1: two rows (today and a year on), and only year 1 in the cohort', () => {
    // remaining = 1000 × 0.7 = 700;  with = 1000 × 0.8 = 800;  cohortValue = 200 × 1000 × 1 = 200,000;
    // with = 185 × 1000 × 1 = 185,000;  savingsTotal = 1 × 0 = 0;  the yearly figures as the defaults.
    const results = computeRetention({ ...BREAK_EVEN, years: 1 });
    expectRows(results.rows, rowsOf([1000, 700], [1000, 800]));
    expectResults(results, {
      ...BREAK_EVEN_RESULTS,
      remaining: 700,
      remainingWithProgram: 800,
      cohortValue: 200000,
      cohortValueWithProgram: 185000,
    });
  });

  it('years 50: 51 rows, from N today to the horizon', () => {
    const results = computeRetention({ ...BREAK_EVEN, years: 50 });
    expect(results.rows).toHaveLength(51);
    expect(results.rows[0]).toEqual({ year: 0, remaining: 1000, remainingWithProgram: 1000 });
    expect(results.rows.at(-1)?.year).toBe(50);
    expect(results.rows.at(-1)?.remaining).toBe(results.remaining);
  });

  it('every input at its largest stays finite', () => {
    // N = 1e9, c₀ = 1, c₁ = 0, R = A = M = 1e9, H = 50.
    // lost 1e9 and 0;  replace = 1e9 × 1e9 = 1e18;  retain = 1e9 × 1e9 + 0 = 1e18;  breakEven = 1e9 × 1 = 1e9 = R,
    // so savings 0 and total 0;  costToKeepOne = 1e9 / 1 = 1e9;  keepVsWin = 100 × 1e9 / 1e9 = 100;
    // lifetimes 1 and undefined;  profit = 1e18 − 1e18 = 0 both;  remaining 0;  with = N = 1e9;
    // cohortValue = 1e9 × 1e9 × 1 = 1e18;  with = (1e9 − 1e9) × … = 0.
    expectResults(
      computeRetention({
        customers: 1e9,
        churn: 100,
        churnWithProgram: 0,
        programCost: 1e9,
        cac: 1e9,
        yearlyMargin: 1e9,
        years: 50,
      }),
      {
        lostPerYear: 1e9,
        lostPerYearWithProgram: 0,
        replaceCostPerYear: 1e18,
        retainCostPerYear: 1e18,
        savingsPerYear: 0,
        savingsTotal: 0,
        breakEvenProgramCost: 1e9,
        costToKeepOne: 1e9,
        keepVsWinPercent: 100,
        lifetimeYears: 1,
        lifetimeYearsWithProgram: null,
        profitPerYear: 0,
        profitPerYearWithProgram: 0,
        remaining: 0,
        remainingWithProgram: 1e9,
        cohortValue: 1e18,
        cohortValueWithProgram: 0,
      },
    );
  });

  it('a result too large for a double is null, not Infinity', () => {
    // churn 1e-300 % → c₀ − c₁ = 1e-302:  costToKeepOne = 1e9 / 1e-302 = 1e311 > Number.MAX_VALUE ≈ 1.8e308 …
    const tiny = computeRetention({
      ...BREAK_EVEN,
      churn: 1e-300,
      churnWithProgram: 0,
      programCost: 1e9,
      cac: 1e9,
    });
    expect(tiny.costToKeepOne).toBeNull();
    // … while keepVsWin = 100 × 1e9 / (1e9 × 1e-302) = 100 × 1e302 = 1e304 and lifetime 1 / 1e-302 = 1e302 fit.
    expectCloseTo(tiny.keepVsWinPercent, 1e304);
    expectCloseTo(tiny.lifetimeYears, 1e302);
    // With cac 150: keepVsWin = 100 × 1e9 / 1.5e-300 ≈ 6.7e310, beyond it.
    expect(
      computeRetention({ ...BREAK_EVEN, churn: 1e-300, churnWithProgram: 0, programCost: 1e9 })
        .keepVsWinPercent,
    ).toBeNull();
    // churn 1e-308 % → c₀ = 1e-310:  lifetime 1e310, beyond it.
    expect(computeRetention({ ...BREAK_EVEN, churn: 1e-308, churnWithProgram: 0 }).lifetimeYears).toBeNull();
  });

  it('a break-even cost below the smallest double: keep-vs-win is 0 when R = 0, else null', () => {
    // A (c₀ − c₁) = 1e-30 × 1e-302 = 1e-332 < Number.MIN_VALUE ≈ 4.9e-324, so it rounds to 0.
    const inputs: RetentionInputs = {
      ...BREAK_EVEN,
      churn: 1e-300,
      churnWithProgram: 0,
      cac: 1e-30,
      programCost: 0,
    };
    const free = computeRetention(inputs);
    expect(free.breakEvenProgramCost).toBe(0);
    expect(free.keepVsWinPercent).toBe(0); // 100 × 0 / (a positive number) = 0, whatever its size
    expect(free.costToKeepOne).toBe(0); // 0 / 1e-302
    // R = 1: 100 × 1 / 1e-332 = 1e334, beyond the largest double.
    expect(computeRetention({ ...inputs, programCost: 1 }).keepVsWinPercent).toBeNull();
  });
});

// --- properties -------------------------------------------------------------------------------------------

/** The smallest normal double, 2⁻¹⁰²²; below it precision thins out (subnormals). */
const MIN_NORMAL = 2 ** -1022;

const money = inRange(
  0,
  1e9,
  fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
);
/** churnWithProgram as a share of churn, so churnWithProgram ≤ churn as the URL codec ensures. */
const share = inRange(
  0,
  1,
  fc.integer({ min: 0, max: 100 }).map((percent) => percent / 100),
);
const arb = {
  customers: fc.oneof(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 10_000 })),
  churn: inRange(0, 100, fc.integer({ min: 0, max: 100 })),
  share,
  programCost: money,
  cac: money,
  yearlyMargin: money,
  years: fc.integer({ min: 1, max: 50 }),
};
const inputsArb: fc.Arbitrary<RetentionInputs> = fc
  .record(arb)
  .map(({ share: withShare, ...inputs }) => ({ ...inputs, churnWithProgram: inputs.churn * withShare }));

/** Two values of the same input, the smaller first. */
function ordered(values: [number, number]): [number, number] {
  return values[0] <= values[1] ? values : [values[1], values[0]];
}

/** savingsPerYear with some inputs replaced. */
function savingsWith(inputs: RetentionInputs, change: Partial<RetentionInputs>): number {
  return computeRetention({ ...inputs, ...change }).savingsPerYear;
}

/** c₀ − c₁ as the model defines it (from the percents, see computeRetention). */
function reductionOf(inputs: RetentionInputs): number {
  return (inputs.churn - inputs.churnWithProgram) / 100;
}

describe('properties', () => {
  describe('savings are monotone', () => {
    it('do not fall as cac grows', () => {
      fc.assert(
        fc.property(inputsArb, fc.tuple(arb.cac, arb.cac), (inputs, pair) => {
          const [low, high] = ordered(pair);
          expect(savingsWith(inputs, { cac: high })).toBeGreaterThanOrEqual(
            savingsWith(inputs, { cac: low }),
          );
        }),
        RUNS,
      );
    });

    it('do not fall as the churn reduction c₀ − c₁ grows, c₀ held', () => {
      fc.assert(
        fc.property(inputsArb, fc.tuple(arb.share, arb.share), (inputs, pair) => {
          // A larger share of churn kept with the programme is a smaller reduction.
          const [smallShare, largeShare] = ordered(pair);
          const largeReduction = savingsWith(inputs, { churnWithProgram: inputs.churn * smallShare });
          const smallReduction = savingsWith(inputs, { churnWithProgram: inputs.churn * largeShare });
          expect(largeReduction).toBeGreaterThanOrEqual(smallReduction);
        }),
        RUNS,
      );
    });

    it('do not rise as the programme cost grows', () => {
      fc.assert(
        fc.property(inputsArb, fc.tuple(arb.programCost, arb.programCost), (inputs, pair) => {
          const [low, high] = ordered(pair);
          expect(savingsWith(inputs, { programCost: high })).toBeLessThanOrEqual(
            savingsWith(inputs, { programCost: low }),
          );
        }),
        RUNS,
      );
    });
  });

  it('savings are replace − retain, over H years H times, and the gap between the two profits', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const results = computeRetention(inputs);
        const scale = Math.max(
          results.replaceCostPerYear,
          results.retainCostPerYear,
          inputs.yearlyMargin * inputs.customers,
        );
        const slack = ROUNDING * scale + ABSOLUTE_FLOOR;
        const difference = results.replaceCostPerYear - results.retainCostPerYear;
        expect(closeTo(results.savingsPerYear, difference, ROUNDING, slack)).toBe(true);
        const profitGap = results.profitPerYearWithProgram - results.profitPerYear;
        expect(closeTo(results.savingsPerYear, profitGap, ROUNDING, slack)).toBe(true);
        expect(results.savingsTotal).toBe(inputs.years * results.savingsPerYear);
      }),
      RUNS,
    );
  });

  it('at programCost = breakEvenProgramCost savings are 0 and keeping costs 100 % of winning', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const breakEven = computeRetention(inputs).breakEvenProgramCost;
        const atBreakEven = computeRetention({ ...inputs, programCost: breakEven });
        expect(closeTo(atBreakEven.savingsPerYear, 0)).toBe(true);
        const difference = atBreakEven.replaceCostPerYear - atBreakEven.retainCostPerYear;
        expect(closeTo(difference, 0, 0, ROUNDING * atBreakEven.replaceCostPerYear + ABSOLUTE_FLOOR)).toBe(
          true,
        );
        // Defined when c₀ > c₁ and A > 0; break-even > 0 also rules out A (c₀ − c₁) underflowing to 0.
        if (breakEven > 0) expect(atBreakEven.keepVsWinPercent).toBe(100);
      }),
      RUNS,
    );
  });

  it('keeping costs less than winning (keepVsWinPercent < 100) exactly when the programme saves money', () => {
    // Programme costs around the break-even cost, where rounding could make the two disagree, and beyond it.
    const nearBreakEven = fc
      .tuple(inputsArb, inRange(0, 2, fc.constantFrom(1, 1 - 2 ** -52, 1 + 2 ** -52, 0.5, 2)))
      .map(([inputs, factor]) => ({
        ...inputs,
        programCost: Math.min(1e9, factor * computeRetention(inputs).breakEvenProgramCost),
      }));
    fc.assert(
      fc.property(fc.oneof(inputsArb, nearBreakEven), (inputs) => {
        const {
          keepVsWinPercent: percent,
          savingsPerYear,
          breakEvenProgramCost: breakEven,
        } = computeRetention(inputs);
        if (percent === null || breakEven === 0) return;
        // Same sign: < 100 with savings > 0, exactly 100 with savings 0, > 100 with savings < 0.
        expect(Math.sign(100 - percent) === Math.sign(savingsPerYear)).toBe(true);
      }),
      RUNS,
    );
  });

  it('keepVsWinPercent = 100 × costToKeepOne / cac where both are defined', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const {
          keepVsWinPercent: percent,
          costToKeepOne: keep,
          breakEvenProgramCost: breakEven,
        } = computeRetention(inputs);
        if (percent === null || keep === null) return;
        // Subnormal doubles (below 2⁻¹⁰²² ≈ 2.2e-308) carry few significant bits, so a quotient formed from one
        // is only as good as those bits: compare where the break-even cost and costToKeepOne are normal.
        if (breakEven < MIN_NORMAL || (keep !== 0 && keep < MIN_NORMAL)) return;
        const expected = (100 * keep) / inputs.cac;
        if (Number.isFinite(expected)) expect(closeTo(percent, expected, ROUNDING)).toBe(true);
      }),
      RUNS,
    );
  });

  it('the programme never leaves fewer customers: remainingWithProgram ≥ remaining, in every row', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const results = computeRetention(inputs);
        expect(results.remainingWithProgram).toBeGreaterThanOrEqual(results.remaining * (1 - ROUNDING));
        for (const row of results.rows) {
          expect(row.remainingWithProgram).toBeGreaterThanOrEqual(row.remaining * (1 - ROUNDING));
        }
      }),
      RUNS,
    );
  });

  it('lifetimes are the reciprocals of the churn rates, and the programme does not shorten them', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const results = computeRetention(inputs);
        const pairs = [
          [results.lifetimeYears, inputs.churn / 100],
          [results.lifetimeYearsWithProgram, inputs.churnWithProgram / 100],
        ] as const;
        for (const [lifetime, churn] of pairs) {
          if (lifetime !== null) expect(closeTo(lifetime * churn, 1, ROUNDING)).toBe(true);
        }
        if (results.lifetimeYears !== null && results.lifetimeYearsWithProgram !== null) {
          expect(results.lifetimeYearsWithProgram).toBeGreaterThanOrEqual(results.lifetimeYears);
        }
        // A null lifetime with a finite one for the higher churn would be absurd: c₁ ≤ c₀.
        if (results.lifetimeYears === null) expect(results.lifetimeYearsWithProgram).toBeNull();
      }),
      RUNS,
    );
  });

  it('the rows: H + 1 of them, from N today, ending at remaining', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const { rows, remaining, remainingWithProgram } = computeRetention(inputs);
        expect(rows).toHaveLength(inputs.years + 1);
        expect(rows.map((row) => row.year)).toEqual(Array.from({ length: inputs.years + 1 }, (_, t) => t));
        expect(rows[0]).toEqual({
          year: 0,
          remaining: inputs.customers,
          remainingWithProgram: inputs.customers,
        });
        expect(rows.at(-1)?.remaining).toBe(remaining);
        expect(rows.at(-1)?.remainingWithProgram).toBe(remainingWithProgram);
      }),
      RUNS,
    );
  });

  it('the cohort values in closed form equal the margin summed over the rows, years 1..H', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const results = computeRetention(inputs);
        const { yearlyMargin: margin, programCost } = inputs;
        let value = 0;
        let valueWithProgram = 0;
        // Year t earns from those still active at its start, rows[t − 1].
        for (const row of results.rows.slice(0, inputs.years)) {
          value += margin * row.remaining;
          valueWithProgram += (margin - programCost) * row.remainingWithProgram;
        }
        expect(closeTo(results.cohortValue, value, ROUNDING), `${results.cohortValue} vs ${value}`).toBe(
          true,
        );
        expect(
          closeTo(results.cohortValueWithProgram, valueWithProgram, ROUNDING),
          `${results.cohortValueWithProgram} vs ${valueWithProgram}`,
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it('activeYears in closed form equals the sum of (1 − c)^(t−1), for c over [0, 1]', () => {
    fc.assert(
      fc.property(
        inRange(
          0,
          1,
          fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
        ),
        arb.years,
        (c, H) => {
          let sum = 0;
          for (let t = 1; t <= H; t++) sum += Math.pow(1 - c, t - 1);
          expect(closeTo(activeYears(c, H), sum, ROUNDING), `${activeYears(c, H)} vs ${sum}`).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('every result is finite, or null only where the spec allows it or the value is beyond a double', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const results = computeRetention(inputs);
        const { rows, costToKeepOne: keep, keepVsWinPercent: percent, ...rest } = results;
        const { lifetimeYears, lifetimeYearsWithProgram, ...numbers } = rest;
        for (const [key, value] of Object.entries(numbers)) {
          expect(Number.isFinite(value), key).toBe(true);
        }
        for (const row of rows) {
          expect(Object.values(row).every(Number.isFinite)).toBe(true);
        }
        for (const value of [keep, percent, lifetimeYears, lifetimeYearsWithProgram]) {
          expect(value === null || Number.isFinite(value)).toBe(true);
        }
        const reduction = reductionOf(inputs);
        const c0 = inputs.churn / 100;
        const c1 = inputs.churnWithProgram / 100;
        // null only where undefined (c₀ = c₁, A = 0, c = 0) or where the true value is beyond the largest double.
        if (keep === null) {
          expect(reduction === 0 || !Number.isFinite(inputs.programCost / reduction)).toBe(true);
        }
        if (percent === null) {
          const ratio = inputs.programCost / (inputs.cac * reduction);
          expect(reduction === 0 || inputs.cac === 0 || !Number.isFinite(100 * ratio)).toBe(true);
        }
        if (lifetimeYears === null) expect(c0 === 0 || !Number.isFinite(1 / c0)).toBe(true);
        if (lifetimeYearsWithProgram === null) expect(c1 === 0 || !Number.isFinite(1 / c1)).toBe(true);
      }),
      RUNS,
    );
  });
});
