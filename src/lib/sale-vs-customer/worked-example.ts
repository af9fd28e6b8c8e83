import type { SaleVsCustomerInputs } from './model';

/**
 * The worked example on the calculator page: the default inputs, and every figure the page quotes for them,
 * worked by hand. test/lib/sale-vs-customer/worked-example.test.ts checks the model gives the same figures,
 * so the prose and the model cannot drift apart.
 */
export const WORKED_EXAMPLE = {
  inputs: {
    aov: 60,
    margin: 40,
    freq: 4,
    retention: 60,
    discount: 10,
    years: 10,
    cac: 50,
    referrals: 0,
  } satisfies SaleVsCustomerInputs,
  /** Figures as the page prints them (US dollars), each worked by hand in the page's text. */
  quoted: {
    sale: 24, // 60 × 40 %
    annualMargin: 96, // 24 × 4 orders
    year2Value: 52.36, // 96 × 0.6 ÷ 1.1
    year3Value: 28.56, // 96 × 0.36 ÷ 1.21
    ratio: 0.5455, // q = 0.6 ÷ 1.1
    clv: 210.71, // 96 × (1 − q¹⁰) ÷ (1 − q)
    longRun: 211.2, // 96 × 1.1 ÷ (1.1 − 0.6)
    multiple: 8.8, // 210.71 ÷ 24
    clvUndiscounted: 238.55, // 96 × (1 − 0.6¹⁰) ÷ 0.4
    activeYears: 2.48, // (1 − 0.6¹⁰) ÷ 0.4
    paybackMonths: 7, // 8 a month in year 1: 8 × 6 = 48 < 50 ≤ 56 = 8 × 7
  },
} as const;
