import { describe, expect, it } from 'vitest';
import { computeRetention } from '../../../src/lib/retention-vs-acquisition/model';
import { RETENTION_WORKED_EXAMPLE } from '../../../src/lib/retention-vs-acquisition/worked-example';
import { RETENTION_PARAMS } from '../../../src/lib/retention-vs-acquisition/params';
import { defaultValues } from '../../../src/lib/params';

// Every figure the Retention vs Acquisition page quotes must be what the model computes, to the printed precision.
describe('the worked example on the Retention vs Acquisition page', () => {
  const { inputs, quoted, breakEven } = RETENTION_WORKED_EXAMPLE;
  const results = computeRetention(inputs);

  it('starts from the calculator’s defaults', () => {
    expect(inputs).toEqual(defaultValues(RETENTION_PARAMS));
  });

  it('quotes the yearly bill of both strategies', () => {
    expect(results.lostPerYear).toBeCloseTo(quoted.lostPerYear, 9);
    expect(results.lostPerYearWithProgram).toBeCloseTo(quoted.lostPerYearWithProgram, 9);
    expect(results.replaceCostPerYear).toBeCloseTo(quoted.replaceCostPerYear, 6);
    expect(inputs.programCost * inputs.customers).toBe(quoted.programSpend);
    expect(results.retainCostPerYear - quoted.programSpend).toBeCloseTo(quoted.replacementsWithProgram, 6);
    expect(results.retainCostPerYear).toBeCloseTo(quoted.retainCostPerYear, 6);
    expect(results.savingsPerYear).toBeCloseTo(quoted.savingsPerYear, 6);
    expect(results.savingsTotal).toBeCloseTo(quoted.savingsTotal, 6);
  });

  it('shows a programme that pays', () => {
    expect(results.savingsPerYear).toBeGreaterThan(0);
    expect(inputs.programCost).toBeLessThan(quoted.breakEvenProgramCost);
  });

  it('quotes break-even, the cost of keeping one and the comparison with winning one', () => {
    expect(results.breakEvenProgramCost).toBeCloseTo(quoted.breakEvenProgramCost, 9);
    expect(results.costToKeepOne).toBeCloseTo(quoted.costToKeepOne, 9);
    expect(results.keepVsWinPercent).toBeCloseTo(quoted.keepVsWinPercent, 1);
  });

  it('quotes lifetimes and survivors to the printed precision', () => {
    expect(results.lifetimeYears).toBeCloseTo(quoted.lifetimeYears, 1);
    expect(results.lifetimeYearsWithProgram).toBeCloseTo(quoted.lifetimeYearsWithProgram, 9);
    expect(Math.round(results.remaining)).toBe(quoted.remaining);
    expect(Math.round(results.remainingWithProgram)).toBe(quoted.remainingWithProgram);
  });

  it('quotes the programme at its break-even cost', () => {
    expect(breakEven.programCost).toBe(quoted.breakEvenProgramCost);
    const atBreakEven = computeRetention({ ...inputs, programCost: breakEven.programCost });
    expect(atBreakEven.retainCostPerYear).toBeCloseTo(breakEven.retainCostPerYear, 6);
    expect(atBreakEven.savingsPerYear).toBeCloseTo(breakEven.savingsPerYear, 6);
    expect(atBreakEven.costToKeepOne).toBeCloseTo(breakEven.costToKeepOne, 9);
    expect(atBreakEven.keepVsWinPercent).toBeCloseTo(breakEven.keepVsWinPercent, 9);
  });
});
