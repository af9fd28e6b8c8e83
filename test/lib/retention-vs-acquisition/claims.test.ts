import { describe, expect, it } from 'vitest';
import {
  FOLK_CLAIMS,
  appliedClaimText,
  claimImplication,
  programCostForClaim,
} from '../../../src/lib/retention-vs-acquisition/claims';
import { programmeBill } from '../../../src/lib/retention-vs-acquisition/explain';
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

describe('claimImplication', () => {
  const tenth = FOLK_CLAIMS.find((claim) => claim.id === 'a-tenth')!;

  it('says the implied cost and what the programme would then save', () => {
    // R = 1.5 (above); lost without: 300 × 150 = 45,000; with: 1,000 × 1.5 + 200 × 150 = 31,500; saved 13,500.
    const implied = claimImplication(base, tenth, 'USD', 'en-US');
    expect(implied.cost).toBeCloseTo(1.5, 12);
    expect(implied.text).toBe(
      'If it held for you, your programme could cost only $1.50 per customer per year, and would save $13,500 a year.',
    );
    expect(appliedClaimText(implied)).toMatch(
      /^If it held for you, .* The programme cost above is now set to match;/,
    );
  });

  it('says why a claim cannot be applied, and says nothing was set', () => {
    const free = claimImplication({ ...base, cac: 0 }, tenth, 'USD', 'en-US');
    expect(free.cost).toBeNull();
    expect(free.text).toMatch(/no cost to win a customer/);
    const same = claimImplication({ ...base, churnWithProgram: 30 }, tenth, 'USD', 'en-US');
    expect(same.text).toMatch(/must lower churn/);
    expect(appliedClaimText(same)).toBe(same.text);
  });
});

describe('programmeBill', () => {
  it('splits the yearly bill with the programme into its spend and the replacements', () => {
    // 1,000 × 15 = 15,000 on the programme; 200 lost × 150 = 30,000 to replace them.
    const bill = programmeBill(base, computeRetention(base));
    expect(bill.programSpend).toBe(15_000);
    expect(bill.replacements).toBeCloseTo(30_000, 9);
  });
});
