import { describe, expect, it } from 'vitest';
import { expectedPurchases } from '../../../../src/lib/orders/models/bgnbd';
import {
  WEEKS_PER_YEAR,
  discountedNewCustomerPurchases,
  predict,
} from '../../../../src/lib/orders/forecast/predict';

const params = { r: 1, alpha: 1, a: 1, b: 1 };

describe('discountedNewCustomerPurchases', () => {
  it('equals the undiscounted expectation at a zero discount rate', () => {
    const weeks = 2 * WEEKS_PER_YEAR;
    expect(discountedNewCustomerPurchases(params, weeks, 0)).toBeCloseTo(expectedPurchases(params, weeks), 9);
  });

  it('is smaller with discounting, and grows with the horizon', () => {
    const undiscounted = discountedNewCustomerPurchases(params, 104, 0);
    const discounted = discountedNewCustomerPurchases(params, 104, 0.1);
    expect(discounted).toBeLessThan(undiscounted);
    expect(discountedNewCustomerPurchases(params, 156, 0.1)).toBeGreaterThan(discounted);
  });
});

describe('predict', () => {
  // With r = α = a = b = 1, a customer with no repeat purchase is alive with probability 1 (the model's
  // δ(x>0)), and one with x = 1, tx = 1, T = 2 with 1 / (1 + (1/1)·((1+2)/(1+1))²) = 1/(1 + 2.25) = 4/13.
  const customers = [
    { x: 0, tx: 0, T: 2 },
    { x: 1, tx: 1, T: 2, count: 3 },
  ];

  it('averages over customers, counting grouped ones', () => {
    const result = predict(params, customers, null, 50, { horizonYears: 1, discount: 10, margin: 40 });
    expect(result.meanProbabilityAlive).toBeCloseTo((1 + 3 * (4 / 13)) / 4, 12);
    expect(result.expectedActive).toBeCloseTo(1 + 12 / 13, 12);
    expect(result.likelyActive).toBe(1);
    // p = 1 for the first (90 % and over), 4/13 ≈ 0.31 for the other three (10–50 %).
    expect(result.aliveBands).toEqual([0, 3, 0, 1]);
    // Without a spend model, orders are valued at the average order value: value = purchases × 50 × 40 %.
    expect(result.expectedValuePerCustomer).toBeCloseTo(result.expectedPurchasesPerCustomer * 20, 9);
    expect(result.meanSpend).toBeNull();
  });

  it('values a new customer’s first order in full, then discounted repeats', () => {
    const result = predict(params, customers, { p: 2, q: 3, v: 20 }, 50, {
      horizonYears: 1,
      discount: 0,
      margin: 50,
    });
    // Mean spend p v / (q − 1) = 2 × 20 / 2 = 20; margin 50 % → 10 per order.
    expect(result.meanSpend).toBeCloseTo(20, 12);
    expect(result.newCustomerClv).toBeCloseTo(10 * (1 + expectedPurchases(params, WEEKS_PER_YEAR)), 6);
  });
});
