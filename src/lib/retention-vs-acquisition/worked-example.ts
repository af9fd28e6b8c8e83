import type { RetentionInputs } from './model';

/**
 * The worked example on the Retention vs Acquisition page: the defaults (where the programme pays), then the
 * same business with the programme at its break-even cost. Every figure the page quotes is worked by hand
 * here and checked against the model by test/lib/retention-vs-acquisition/worked-example.test.ts.
 */
export const RETENTION_WORKED_EXAMPLE = {
  inputs: {
    customers: 1000,
    churn: 30,
    churnWithProgram: 20,
    programCost: 10,
    cac: 150,
    yearlyMargin: 200,
    years: 5,
  } satisfies RetentionInputs,
  quoted: {
    lostPerYear: 300, // 30 % of 1,000
    lostPerYearWithProgram: 200, // 20 % of 1,000
    replaceCostPerYear: 45_000, // 300 × 150
    programSpend: 10_000, // 10 × 1,000
    replacementsWithProgram: 30_000, // 200 × 150
    retainCostPerYear: 40_000, // 10,000 + 30,000
    savingsPerYear: 5_000, // 45,000 − 40,000
    savingsTotal: 25_000, // 5 years × 5,000
    breakEvenProgramCost: 15, // 150 × (0.30 − 0.20)
    costToKeepOne: 100, // 10 ÷ 0.10
    keepVsWinPercent: 66.7, // 100 ÷ 150
    lifetimeYears: 3.3, // 1 ÷ 0.3
    lifetimeYearsWithProgram: 5, // 1 ÷ 0.2
    remaining: 168, // 1,000 × 0.7⁵ = 168.07
    remainingWithProgram: 328, // 1,000 × 0.8⁵ = 327.68
  },
  /** The same business with the programme at its break-even cost, 15 a customer instead of 10. */
  breakEven: {
    programCost: 15,
    retainCostPerYear: 45_000, // 15 × 1,000 + 200 × 150
    savingsPerYear: 0, // 45,000 − 45,000
    costToKeepOne: 150, // 15 ÷ 0.10
    keepVsWinPercent: 100, // 150 ÷ 150
  },
} as const;
