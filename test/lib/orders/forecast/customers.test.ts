/**
 * Per-customer forecasts (models.md §4). Expected values are worked by hand in the comments: with
 * r = α = a = b = 1 the BG/NBD expressions reduce to closed forms (P(alive) = 1/(1 + (1/x)((1+T)/(1+tₓ))^(1+x)),
 * and for x = 0, E[Y(t) | T] = ln((1 + T + t)/(1 + T)), i.e. ln(1 + t) for a new customer), and the
 * Gamma-Gamma mean is typed in from Fader, Hardie & Lee's published CDNOW estimates (p 6.25, q 3.74, v 15.44).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conditionalOrderValue,
  customerId,
  discountedIncrease,
  forecastCustomers,
  transferableCopy,
  weeklyDiscounts,
} from '../../../../src/lib/orders/forecast/customers';
import { WEEKS_PER_YEAR } from '../../../../src/lib/orders/forecast/predict';
import { probabilityAlive, type BgnbdParams } from '../../../../src/lib/orders/models/bgnbd';
import { expectCloseTo } from '../../tolerance';

const UNIT: BgnbdParams = { r: 1, alpha: 1, a: 1, b: 1 };
const CDNOW: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CDNOW_SPEND = { p: 6.25, q: 3.74, v: 15.44 };
const ONE_YEAR = { horizonYears: 1, discount: 0, margin: 100 };

function inputs(customers: { customer: string; x: number; tx: number; T: number }[], mx: number[] = []) {
  return {
    bgnbd: customers,
    gammaGamma: customers
      .map((customer, index) => ({ customer: customer.customer, x: customer.x, mx: mx[index] ?? 0 }))
      .filter((buyer) => buyer.x > 0 && buyer.mx > 0),
    averageOrderValue: 30,
  };
}

describe('forecastCustomers, by hand with r = α = a = b = 1', () => {
  const table = forecastCustomers(
    inputs([
      { customer: 'new@example.com', x: 0, tx: 0, T: 0 },
      { customer: 'b', x: 2, tx: 1, T: 3 },
      { customer: 'c', x: 0, tx: 0, T: 20 },
    ]),
    UNIT,
    null,
    ONE_YEAR,
  );

  it('keeps the ids and the summaries', () => {
    expect([0, 1, 2].map((index) => customerId(table, index))).toEqual(['new@example.com', 'b', 'c']);
    expect(Array.from(table.frequency)).toEqual([0, 2, 0]);
    expect(Array.from(table.ageWeeks)).toEqual([0, 3, 20]);
    expect(table.facts).toBeNull();
  });

  it('p_alive: 1 with no repeat purchase; 1/(1 + ½ · 2³) = 0.2 for x = 2, tₓ = 1, T = 3', () => {
    expect(table.pAlive[0]).toBe(1);
    expectCloseTo(table.pAlive[1], 0.2, 1e-14);
  });

  it('expected orders over a year: ln(1 + h) for a new customer, ln((21 + h)/21) at T = 20', () => {
    expectCloseTo(table.expectedOrders[0], Math.log(1 + WEEKS_PER_YEAR), 1e-10);
    expectCloseTo(table.expectedOrders[2], Math.log((21 + WEEKS_PER_YEAR) / 21), 1e-10);
  });

  it('values orders at the history’s average without a spend model, and undiscounted value is margin × orders × value', () => {
    expect(Array.from(table.expectedOrderValue)).toEqual([30, 30, 30]);
    expectCloseTo(table.predictedValue[0], 30 * Math.log(1 + WEEKS_PER_YEAR), 1e-10);
  });
});

describe('predicted_value discounts each week’s increase', () => {
  it('matches the weekly sum typed in from §4 for a new customer, ln(1 + w) − ln(w) discounted at 10 %', () => {
    const settings = { horizonYears: 2, discount: 10, margin: 40 };
    const table = forecastCustomers(inputs([{ customer: 'n', x: 0, tx: 0, T: 0 }]), UNIT, null, settings);
    const h = 2 * WEEKS_PER_YEAR; // 104.355: 105 steps, the last ending at h
    let expected = 0;
    for (let w = 1; w <= 105; w++)
      expected += (Math.log(1 + Math.min(w, h)) - Math.log(w)) * 1.1 ** -(w / WEEKS_PER_YEAR);
    expectCloseTo(table.predictedValue[0], 0.4 * 30 * expected, 1e-10);
  });

  it('discountedIncrease telescopes to the last value with no discount', () => {
    expect(discountedIncrease(Float64Array.of(0, 1, 3, 4), weeklyDiscounts(3, 0))).toBe(4);
    expect(discountedIncrease(Float64Array.of(0, 1, 3), Float64Array.of(1, 0.5, 0.25))).toBe(1);
  });
});

describe('expected_order_value, the Gamma-Gamma conditional mean', () => {
  it('p (v + x m̄ₓ)/(p x + q − 1): 6.25 · 115.44 / 15.24 = 47.342… for x = 2 averaging 50', () => {
    expectCloseTo(conditionalOrderValue(CDNOW_SPEND, 2, 50, 0), (6.25 * 115.44) / 15.24, 1e-14);
  });

  it('the population mean p v/(q − 1) = 96.5/2.74 for a customer with no repeat purchase', () => {
    expectCloseTo(conditionalOrderValue(CDNOW_SPEND, 0, 999, 0), 96.5 / 2.74, 1e-14);
  });

  it('the fallback when there is no model, or its mean is infinite (q ≤ 1 and x = 0)', () => {
    expect(conditionalOrderValue(null, 3, 50, 42)).toBe(42);
    expect(conditionalOrderValue({ p: 2, q: 0.5, v: 10 }, 0, 0, 42)).toBe(42);
  });

  it('is used per customer by the table, with m̄ₓ matched by id from a summary', () => {
    const table = forecastCustomers(
      inputs(
        [
          { customer: 'a', x: 2, tx: 10, T: 20 },
          { customer: 'b', x: 0, tx: 0, T: 20 },
        ],
        [50, 0],
      ),
      CDNOW,
      CDNOW_SPEND,
      ONE_YEAR,
    );
    expectCloseTo(table.expectedOrderValue[0], (6.25 * 115.44) / 15.24, 1e-14);
    expectCloseTo(table.expectedOrderValue[1], 96.5 / 2.74, 1e-14);
  });
});

describe('properties (fast-check)', () => {
  const params = fc.record({
    r: fc.double({ min: 0.05, max: 5, noNaN: true }),
    alpha: fc.double({ min: 0.5, max: 50, noNaN: true }),
    a: fc.double({ min: 0.1, max: 5, noNaN: true }),
    b: fc.double({ min: 0.1, max: 10, noNaN: true }),
  });

  it('p_alive falls as the time since the last purchase grows', () => {
    fc.assert(
      fc.property(
        params,
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (p, x, tx, extra) => {
          const T = tx + 1;
          const table = forecastCustomers(
            inputs([
              { customer: 'sooner', x, tx, T },
              { customer: 'later', x, tx, T: T + extra },
            ]),
            p,
            null,
            ONE_YEAR,
          );
          expect(table.pAlive[1]).toBeLessThanOrEqual(table.pAlive[0]!);
        },
      ),
    );
  });

  it('p_alive rises with frequency when the last purchase is recent, and falls when (α+T)/(α+tₓ) > (b+x)/(b+x−1)', () => {
    // The odds of having gone, a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x), change by (b+x−1)/(b+x) · (α+T)/(α+tₓ)
    // from x to x + 1: so more purchases mean a better chance only while the customer has not gone quiet.
    // (The frequent buyer who stops is the more suspicious one, a known feature of the model.)
    fc.assert(
      fc.property(
        params,
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (p, x, tx, gap) => {
          const T = tx + gap;
          const less = probabilityAlive(p, { x, tx, T });
          const more = probabilityAlive(p, { x: x + 1, tx, T });
          const ratio = (p.alpha + T) / (p.alpha + tx) / ((p.b + x) / (p.b + x - 1));
          if (ratio < 1 - 1e-9) expect(more).toBeGreaterThanOrEqual(less);
          if (ratio > 1 + 1e-9) expect(more).toBeLessThanOrEqual(less);
          if (gap === 0) expect(more).toBeGreaterThan(less);
        },
      ),
    );
  });

  it('expected orders and predicted value rise with the horizon', () => {
    fc.assert(
      fc.property(
        params,
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 9 }),
        (p, x, share, T, years) => {
          const customer = { customer: 'c', x, tx: x === 0 ? 0 : share * T, T };
          const settings = { horizonYears: years, discount: 10, margin: 40 };
          const shorter = forecastCustomers(inputs([customer]), p, null, settings);
          const longer = forecastCustomers(inputs([customer]), p, null, {
            ...settings,
            horizonYears: years + 1,
          });
          expect(longer.expectedOrders[0]).toBeGreaterThan(shorter.expectedOrders[0]!);
          expect(longer.predictedValue[0]).toBeGreaterThan(shorter.predictedValue[0]!);
          expect(Number.isFinite(longer.predictedValue[0])).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('transferableCopy', () => {
  const table = forecastCustomers(
    inputs([
      { customer: 'ann', x: 2, tx: 10, T: 30 },
      { customer: 'bo', x: 0, tx: 0, T: 12 },
    ]),
    UNIT,
    null,
    ONE_YEAR,
  );

  it('moves to another thread whole, and leaves the worker its own table', () => {
    const { copy, buffers } = transferableCopy(table);
    // ids' offsets, 7 figures and the segment (no order facts here), each with a buffer of its own: a
    // transfer list may not name one buffer twice
    expect(table.facts).toBeNull();
    expect(buffers).toHaveLength(9);
    expect(new Set(buffers).size).toBe(9);
    const received = structuredClone(copy, { transfer: buffers });
    expect(buffers.every((buffer) => buffer.byteLength === 0)).toBe(true); // moved, not copied
    expect(received).toEqual(table);
    expect(customerId(received, 1)).toBe('bo');
    expect(table.pAlive.length).toBe(2); // the original is untouched
  });
});
