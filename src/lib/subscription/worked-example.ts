import type { SubscriptionInputs } from './model';

/** The "regular" cohort of Fader & Hardie (2007): 1,000 subscribers who joined in the same year, over 7 renewals. */
export const REGULAR_COHORT = [1000, 631, 468, 382, 326, 289, 262, 241] as const;

/**
 * The worked example on the Subscriber value page: the published "regular" cohort on a $100 yearly plan,
 * and every figure the page quotes for it, with how it is worked. test/lib/subscription/worked-example.test.ts
 * checks the model gives the same figures, and the fit against the paper's own, so the prose, the model and
 * the source cannot drift apart. With α, β and x = 1/1.1: S(t) = Πₛ₌₁..ₜ (β + s − 1)/(α + β + s − 1).
 */
export const WORKED_EXAMPLE = {
  inputs: {
    price: 100,
    margin: 70,
    period: 'year',
    churn: null,
    cohorts: [REGULAR_COHORT],
    discount: 10,
    years: 10,
    cac: 200,
    tenure: 1,
  } satisfies SubscriptionInputs,
  /** Figures as the page prints them (US dollars; shares in percent), each worked as the comment says. */
  quoted: {
    alpha: 0.704, // maximum likelihood on the counts; Fader & Hardie (2007) report 0.704
    beta: 1.182, // likewise; they report 1.182
    logLikelihood: -1680.27, // Σₜ (Nₜ₋₁ − Nₜ) ln(S(t − 1) − S(t)) + 241 ln S(7); they report −1680.27
    meanChurn: 37.3, // α ÷ (α + β) = 0.704 ÷ 1.886: the average subscriber's chance of cancelling, in %
    firstRetention: 62.7, // r(1) = β ÷ (α + β) = 1.182 ÷ 1.886
    firstRetentionActual: 63.1, // 631 ÷ 1000
    seventhRetention: 91.1, // r(7) = (β + 6) ÷ (α + β + 6) = 7.182 ÷ 7.886
    seventhRetentionActual: 92, // 241 ÷ 262 = 91.98
    margin: 70, // 100 × 70 %
    churn: 18.4, // c = 1 − (241/1000)^(1/7) = 0.18395
    survivalYear10: 20.4, // S(9) = S(7) × r(8) × r(9) = 0.2390 × 0.9208 × 0.9288
    survivalYear10Constant: 16.0, // (1 − c)⁹ = 0.81605⁹ = 0.1605
    clv: 218.49, // 70 × Σₜ₌₀..₉ S(t) ÷ 1.1ᵗ
    clvLongRun: 258.64, // 70 × ₂F₁(1, β; α + β; 1/1.1), the same sum with no end
    clvConstantChurn: 257.48, // 70 × (1 − q¹⁰) ÷ (1 − q), q = 0.81605 ÷ 1.1 = 0.74186: Σₜ₌₀..₉ qᵗ in closed form
    clvDifference: -38.99, // 218.49 − 257.48: the single rate overvalues a new subscriber by $38.99
    residualAfter1: 207.51, // 70 × r(1) × ₂F₁(1, β + 1; α + β + 1; 1/1.1): after 1 payment
    residualAfter2: 287.22, // 70 × r(2) × ₂F₁(1, β + 2; α + β + 2; 1/1.1)
    residualAfter5: 412.59, // 70 × r(5) × ₂F₁(1, β + 5; α + β + 5; 1/1.1)
    residualAfter7: 460.3, // 70 × r(7) × ₂F₁(1, β + 7; α + β + 7; 1/1.1)
    medianLifetime: 2, // S(1) = 0.627 > ½ ≥ S(2) = 0.474: half have gone by the second renewal
    medianLifetimeConstant: 4, // 0.816³ = 0.543 > ½ ≥ 0.816⁴ = 0.443
    clvToCac: 1.09, // 218.49 ÷ 200
    paybackPeriods: 8, // the running sum 70 × S(t) ÷ 1.1ᵗ first reaches 200 with the 8th payment
  },
} as const;
