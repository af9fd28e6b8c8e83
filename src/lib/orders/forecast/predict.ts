/**
 * What the fitted models say about a customer base: expected purchases and value per customer over a
 * horizon, the chance each customer is still active, and the lifetime value of a new customer.
 */
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityAlive,
  type BgnbdParams,
  type CustomerSummary,
} from '../models/bgnbd';
import { populationMeanSpend, type GammaGammaParams } from '../models/gamma-gamma';

export const WEEKS_PER_YEAR = 52.1775;

/** Settings of the prediction: how far ahead, at what discount rate, and the margin on an order. */
export interface PredictionSettings {
  readonly horizonYears: number;
  /** Percent per year, e.g. 10. */
  readonly discount: number;
  /** Gross margin, percent of order value, e.g. 40. */
  readonly margin: number;
}

/** The figures the page shows from the fitted models. */
export interface Predictions {
  /** Mean over today's customers of the expected purchases in the horizon. */
  readonly expectedPurchasesPerCustomer: number;
  /** Mean over today's customers of the expected margin in the horizon (undiscounted). */
  readonly expectedValuePerCustomer: number;
  /** Mean chance a customer is still active at the calibration end, 0..1. */
  readonly meanProbabilityAlive: number;
  /** Customers more likely than not to be active. */
  readonly likelyActive: number;
  /** Σ of every customer's chance of being active: the expected number of active customers. */
  readonly expectedActive: number;
  /** Customers by their chance of being active: below 10 %, 10–50 %, 50–90 %, 90 % and over. */
  readonly aliveBands: readonly [number, number, number, number];
  /** Expected repeat purchases of a new customer in the horizon. */
  readonly newCustomerRepeatPurchases: number;
  /** Mean spend per order the spend model expects of a new customer, currency; null where it has no mean. */
  readonly meanSpend: number | null;
  /** Margin of a new customer over the horizon, first order included, discounted; null without a mean spend. */
  readonly newCustomerClv: number | null;
}

/**
 * Discounted expected repeat purchases of a new customer: each week's increase in E[X(t)] weighed by
 * (1 + d)^−(t/52). A sum over weeks, since the BG/NBD expectation has no closed discounted form.
 */
export function discountedNewCustomerPurchases(
  params: BgnbdParams,
  horizonWeeks: number,
  discount: number,
): number {
  let total = 0;
  let previous = 0;
  const weeks = Math.ceil(horizonWeeks);
  for (let week = 1; week <= weeks; week++) {
    const current = expectedPurchases(params, Math.min(week, horizonWeeks));
    total += (current - previous) / (1 + discount) ** (week / WEEKS_PER_YEAR);
    previous = current;
  }
  return total;
}

/**
 * The page's predictions from both fits, over every customer summary. Future orders are valued at the spend
 * model's population mean (or the history's average order value when the model has no mean), times the
 * margin: the history's per-customer spend is not linked to its purchase summaries, so no customer-level
 * spend adjustment is made.
 */
export function predict(
  bgnbd: BgnbdParams,
  customers: readonly CustomerSummary[],
  spend: GammaGammaParams | null,
  averageOrderValue: number,
  settings: PredictionSettings,
): Predictions {
  const horizonWeeks = settings.horizonYears * WEEKS_PER_YEAR;
  const margin = settings.margin / 100;
  const meanSpend = spend ? populationMeanSpend(spend) : null;
  const perOrder = meanSpend ?? averageOrderValue;
  let purchases = 0;
  let alive = 0;
  let likely = 0;
  let count = 0;
  const bands: [number, number, number, number] = [0, 0, 0, 0];
  for (const customer of customers) {
    const n = customer.count ?? 1;
    const p = probabilityAlive(bgnbd, customer);
    bands[p < 0.1 ? 0 : p < 0.5 ? 1 : p < 0.9 ? 2 : 3] += n;
    purchases += n * conditionalExpectedPurchases(bgnbd, customer, horizonWeeks);
    alive += n * p;
    if (p > 0.5) likely += n;
    count += n;
  }
  return {
    expectedPurchasesPerCustomer: count > 0 ? purchases / count : 0,
    expectedValuePerCustomer: count > 0 ? (purchases / count) * perOrder * margin : 0,
    meanProbabilityAlive: count > 0 ? alive / count : 0,
    likelyActive: likely,
    expectedActive: alive,
    aliveBands: bands,
    newCustomerRepeatPurchases: expectedPurchases(bgnbd, horizonWeeks),
    meanSpend,
    newCustomerClv:
      perOrder > 0
        ? perOrder *
          margin *
          (1 + discountedNewCustomerPurchases(bgnbd, horizonWeeks, settings.discount / 100))
        : null,
  };
}
