import { describe, expect, it } from 'vitest';
import { FOLK_CLAIMS, programCostForClaim } from '../../../src/lib/retention-vs-acquisition/claims';
import { computeRetention, type RetentionInputs } from '../../../src/lib/retention-vs-acquisition/model';

const base: RetentionInputs = {
  customers: 1000,
  churn: 30,
  churnWithProgram: 20,
  programCost: 15,
  cac: 150,
  yearlyMargin: 200,
  years: 5,
};

describe('programCostForClaim', () => {
  it('finds the programme cost at which keeping costs a tenth of winning', () => {
    // R = 0.10 × 150 × (0.30 − 0.20) = 1.5
    expect(programCostForClaim(base, 10)).toBeCloseTo(1.5, 12);
  });

  it('finds the costs for "5 times" and "25 times"', () => {
    // 5×: keeping is 20 % of winning, R = 0.20 × 150 × 0.10 = 3; 25×: 4 %, R = 0.04 × 150 × 0.10 = 0.6
    expect(programCostForClaim(base, 20)).toBeCloseTo(3, 12);
    expect(programCostForClaim(base, 4)).toBeCloseTo(0.6, 12);
  });

  it('makes the model report exactly the claimed percentage', () => {
    for (const claim of FOLK_CLAIMS) {
      const programCost = programCostForClaim(base, claim.keepVsWinPercent);
      expect(programCost).not.toBeNull();
      const results = computeRetention({ ...base, programCost: programCost ?? 0 });
      expect(results.keepVsWinPercent).toBeCloseTo(claim.keepVsWinPercent, 9);
    }
  });

  it('cannot apply a claim when the programme changes no churn or winning is free', () => {
    expect(programCostForClaim({ ...base, churnWithProgram: 30 }, 10)).toBeNull();
    expect(programCostForClaim({ ...base, cac: 0 }, 10)).toBeNull();
  });
});

describe('the claims', () => {
  it('are each labelled as having no primary source', () => {
    expect(FOLK_CLAIMS.length).toBeGreaterThanOrEqual(3);
    for (const claim of FOLK_CLAIMS) expect(claim.hasPrimarySource).toBe(false);
  });

  it('express "a tenth" and "5 to 25 times" as the matching percentages', () => {
    const percents = FOLK_CLAIMS.map((claim) => claim.keepVsWinPercent).sort((a, b) => a - b);
    expect(percents).toEqual([100 / 25, 100 / 10, 100 / 5]);
  });
});
