/**
 * Tests of the order history (src/lib/orders/history/history.ts). The metrics are checked on a small file whose
 * every number is worked by hand in the comments; none was taken from running the code.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, formatDay } from '../../../../src/lib/orders/import/dates';
import {
  calibrationFacts,
  createHistory,
  lowerBound,
  observedDays,
  observedYears,
  periodIndex,
  periodLabel,
  retentionWindows,
  valueByAge,
  type HistorySummary,
} from '../../../../src/lib/orders/history/history';
import { validateRow, type Order } from '../../../../src/lib/orders/import/rows';
import { expectCloseTo } from '../../tolerance';

/** The orders of a CSV file with columns customer, date (YYYY-MM-DD), amount; every row must be good. */
function ordersFrom(csv: string): Order[] {
  const [, ...records] = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: 'greedy' }).data;
  return records.map((fields) => {
    const checked = validateRow(fields, { customer: 0, date: 1, amount: 2, columns: 3 }, 'YYYY-MM-DD');
    if (!checked.ok) throw new Error(`bad test row ${fields.join(',')}: ${checked.reason}`);
    return checked.order;
  });
}

/** The summary of some orders, added in the given order. */
function summarise(orders: readonly Order[], options = {}): HistorySummary {
  const history = createHistory();
  for (const order of orders) history.add(order);
  const summary = history.finish(options);
  if (summary === null) throw new Error('no orders');
  return summary;
}

// Five customers over 30 months, January 2022 to June 2024. Days are counted from D0 = Monday
// 2022-01-03, day 18995 (52 years × 365 + 13 leap days + 2). Offsets, by hand: 2022-01-31 = +28,
// 2022-02-28 = +56, 2022-06-27 = +175 (Jan 28, Feb 28, Mar 31, Apr 30, May 31, then 27 of June:
// 28 + 28 + 31 + 30 + 31 + 27 = 175), 2023-01-02 = +364, 2023-06-25 = +538 and 2023-06-26 = +539
// (+364, then 29 + 28 + 31 + 30 + 31 + 25 = 174, or 175), 2024-01-01 = +728 (+364 + 364, 2023 not leap),
// 2024-06-24 = +903 (+728, then 31 + 29 + 31 + 30 + 31 + 23 = 175), the last day, a Monday: 129 weeks.
const D0 = 18995;
const FIVE_CUSTOMERS = `
customer,date,amount
A,2022-01-03,20.00
A,2022-01-03,5.00
A,2022-01-31,30.00
B,2022-02-28,15.50
B,2022-02-28,4.50
C,2022-06-27,100.00
A,2023-01-02,40.00
D,2023-06-25,12.00
C,2023-06-26,60.00
A,2024-01-01,10.00
E,2024-06-24,33.00
E,2024-06-24,7.00
`;
// Per customer, distinct days (offsets from D0) and each day's total:
//   A: +0 (20 + 5 = 25), +28 (30), +364 (40), +728 (10)  4 transactions, 5 orders, 105 in all
//   B: +56 (15.50 + 4.50 = 20)                             1 transaction, 2 orders
//   C: +175 (100), +539 (60)                               2 transactions, 2 orders, 160 in all
//   D: +538 (12)                                           1 transaction, 1 order
//   E: +903 (33 + 7 = 40)                                  1 transaction, 2 orders
// Orders 5 + 2 + 2 + 1 + 2 = 12; transactions 4 + 1 + 2 + 1 + 1 = 9; revenue 105 + 20 + 160 + 12 + 40 = 337.
const LAST = D0 + 903;

describe('the summary of five customers over 30 months, worked by hand', () => {
  const orders = ordersFrom(FIVE_CUSTOMERS);
  const summary = summarise(orders);

  it('checks the offsets worked by hand against the calendar', () => {
    expect(dayFromCivil(2022, 1, 3)).toBe(D0);
    expect([175, 364, 538, 539, 728, 903].map((offset) => formatDay(D0 + offset))).toEqual([
      '2022-06-27',
      '2023-01-02',
      '2023-06-25',
      '2023-06-26',
      '2024-01-01',
      '2024-06-24',
    ]);
  });

  it('counts customers, orders, transactions (same-day orders merged) and revenue', () => {
    expect(summary.customers).toBe(5);
    expect(summary.orders).toBe(12);
    expect(summary.transactions).toBe(9);
    expect(summary.revenue).toBe(337);
    expectCloseTo(summary.averageOrderValue, 337 / 12); // 28.083…
  });

  it('spans the history from its first to its last order day, both counted', () => {
    expect(summary.firstDay).toBe(D0);
    expect(summary.lastDay).toBe(LAST);
    expect(summary.spanDays).toBe(904);
    expect(summary.calibrationEnd).toBe(LAST);
  });

  it('measures the repeat purchase rate: A and C bought on two or more days, 2 of 5', () => {
    expect(summary.repeatPurchaseRate).toBe(0.4);
  });

  it('measures orders per customer per year: 12 orders over the customers’ observed years', () => {
    // Observed years to the last day, at least 1: A 903/365.25, B 847/365.25, C 728/365.25 (1.993…),
    // D 365/365.25 → 1, E 0 → 1. Sum = 2478/365.25 + 2 = 8.784…, so 12 / 8.784… = 1.366… orders a year.
    expectCloseTo(summary.ordersPerCustomerPerYear, 12 / (2478 / 365.25 + 2));
  });

  it('measures annual retention over the last two years: A and C of A, C and D came back, 2/3', () => {
    // Later window: the last 365 days, +539 (2023-06-26) to +903; earlier window: +174 to +538.
    // Active in the earlier window: A (+364), C (+175), D (+538, its last day). B (+56) is before it.
    // Active again in the later window: A (+728) and C (+539, its first day). D never came back.
    expect(summary.annualRetention).toEqual({
      value: 2 / 3,
      earlier: { start: D0 + 174, end: D0 + 538 },
      later: { start: D0 + 539, end: D0 + 903 },
      activeInEarlier: 3,
      activeInBoth: 2,
    });
  });

  it('gives the BG/NBD inputs in weeks, to the last day', () => {
    // x = repeat days; tx = weeks from the first day to the last; T = weeks from the first day to +903.
    expect(summary.bgnbd).toEqual([
      { customer: 'A', x: 3, tx: 728 / 7, T: 903 / 7 }, // A: +28, +364, +728 → tx 104, T 129
      { customer: 'B', x: 0, tx: 0, T: 847 / 7 }, //      B: T 121
      { customer: 'C', x: 1, tx: 364 / 7, T: 728 / 7 }, // C: +539 − 175 = 364 days = 52 weeks; T 104
      { customer: 'D', x: 0, tx: 0, T: 365 / 7 }, //      D: 52 1/7 weeks
      { customer: 'E', x: 0, tx: 0, T: 0 }, //            E: first bought on the last day
    ]);
    expect(summary.bgnbd[0]).toEqual({ customer: 'A', x: 3, tx: 104, T: 129 });
  });

  it('gives the Gamma-Gamma inputs of the repeat buyers: the average repeat transaction', () => {
    // A's repeat days: 30, 40, 10 → 80/3; C's: 60. The first day's value is not a repeat.
    expect(summary.gammaGamma).toEqual([
      { customer: 'A', x: 3, mx: 80 / 3 },
      { customer: 'C', x: 1, mx: 60 },
    ]);
  });

  it('builds monthly cohorts: the share active in each month since the first, up to June 2024', () => {
    const rows = summary.cohorts.rows;
    expect(summary.cohorts.period).toBe('month');
    expect(summary.cohorts.lastPeriodComplete).toBe(false); // the history ends on 24 June
    expect(rows.map((row) => [row.label, row.size, row.active.length])).toEqual([
      ['2022-01', 1, 30], // A: January 2022 to June 2024 is ages 0–29
      ['2022-02', 1, 29], // B
      ['2022-06', 1, 25], // C
      ['2023-06', 1, 13], // D
      ['2024-06', 1, 1], //  E
    ]);
    const activeAges = (index: number) =>
      rows[index]?.activeShare.flatMap((share, age) => (share > 0 ? [[age, share]] : []));
    expect(activeAges(0)).toEqual([
      [0, 1],
      [12, 1],
      [24, 1],
    ]); // A: Jan 2022 (twice), Jan 2023, Jan 2024
    expect(activeAges(2)).toEqual([
      [0, 1],
      [12, 1],
    ]); //          C: June 2022 and June 2023
    expect(rows[0]?.start).toBe(dayFromCivil(2022, 1, 1));
    // A's cumulative revenue: 55 in January 2022, 95 from January 2023, 105 from January 2024.
    expect(rows[0]?.revenuePerCustomer[11]).toBe(55);
    expect(rows[0]?.revenuePerCustomer[12]).toBe(95);
    expect(rows[0]?.revenuePerCustomer[29]).toBe(105);
  });

  it('builds quarterly cohorts on request', () => {
    const quarterly = summarise(orders, { cohortPeriod: 'quarter' }).cohorts;
    expect(quarterly.rows.map((row) => [row.label, row.size, row.active.length])).toEqual([
      ['2022-Q1', 2, 10], // A and B; 2022-Q1 to 2024-Q2 is ages 0–9
      ['2022-Q2', 1, 9], //  C
      ['2023-Q2', 1, 5], //  D
      ['2024-Q2', 1, 1], //  E
    ]);
    // 2022-Q1: both active at age 0; only A at ages 4 (Q1 2023) and 8 (Q1 2024).
    expect(quarterly.rows[0]?.active).toEqual([2, 0, 0, 0, 1, 0, 0, 0, 1, 0]);
    expect(quarterly.rows[0]?.activeShare[4]).toBe(0.5);
    // Cumulative revenue per customer of A and B: (55 + 20)/2 = 37.5, then (95 + 20)/2, then (105 + 20)/2.
    expect(quarterly.rows[0]?.revenuePerCustomer).toEqual([
      37.5, 37.5, 37.5, 37.5, 57.5, 57.5, 57.5, 57.5, 62.5, 62.5,
    ]);
  });

  it('averages cumulative revenue by age over the customers observed to that age', () => {
    const byAge = summary.historicalValueByAge;
    expect(byAge).toHaveLength(30);
    // Age 0: all five, (55 + 20 + 100 + 12 + 40)/5 = 45.4.
    expect(byAge[0]).toEqual({ age: 0, customers: 5, revenuePerCustomer: 45.4 });
    // Age 12: A, B, C, D reached it (E did not): (95 + 20 + 160 + 12)/4 = 71.75.
    expect(byAge[12]).toEqual({ age: 12, customers: 4, revenuePerCustomer: 71.75 });
    // Age 24: A, B, C: (105 + 20 + 160)/3 = 95. Age 25: A, B: 62.5. Age 29: A alone: 105.
    expect(byAge[24]).toEqual({ age: 24, customers: 3, revenuePerCustomer: 95 });
    expect(byAge[25]).toEqual({ age: 25, customers: 2, revenuePerCustomer: 62.5 });
    expect(byAge[29]).toEqual({ age: 29, customers: 1, revenuePerCustomer: 105 });
  });

  it('is plain data a Worker can post', () => {
    expect(structuredClone(summary)).toEqual(summary);
  });
});

describe('the calibration end', () => {
  const orders = ordersFrom(FIVE_CUSTOMERS);

  it('ignores later days for x and tx, measures T to it, and leaves out customers who came later', () => {
    // Calibration end +538 (2023-06-25): A keeps +0, +28, +364; C's +539 is after it; E starts after it.
    const summary = summarise(orders, { calibrationEnd: D0 + 538 });
    expect(summary.calibrationEnd).toBe(D0 + 538);
    expect(summary.bgnbd).toEqual([
      { customer: 'A', x: 2, tx: 364 / 7, T: 538 / 7 },
      { customer: 'B', x: 0, tx: 0, T: (538 - 56) / 7 },
      { customer: 'C', x: 0, tx: 0, T: (538 - 175) / 7 },
      { customer: 'D', x: 0, tx: 0, T: 0 }, // D, whose first order is the calibration end itself
    ]);
    expect(summary.gammaGamma).toEqual([{ customer: 'A', x: 2, mx: 35 }]); // A: (30 + 40)/2
  });

  it('does not change the historical numbers, which cover the whole history', () => {
    // the per-customer facts are as of the calibration end, like the model inputs
    const historical = ({ bgnbd, gammaGamma, calibrationEnd, customerFacts, ...rest }: HistorySummary) =>
      rest;
    const calibrated = historical(summarise(orders, { calibrationEnd: D0 + 538 }));
    expect(calibrated).toEqual(historical(summarise(orders)));
    expect(calibrated.orders).toBe(12);
  });

  it('may lie after the last order (the export’s own date), lengthening T', () => {
    expect(summarise(orders, { calibrationEnd: LAST + 7 }).bgnbd.at(-1)).toEqual({
      customer: 'E',
      x: 0,
      tx: 0,
      T: 1,
    });
  });

  it('must be a whole day number', () => {
    expect(() => summarise(orders, { calibrationEnd: LAST + 0.5 })).toThrow(RangeError);
  });
});

describe('annual retention when it cannot be measured', () => {
  it('is null, with the reason, when the history covers less than two years', () => {
    const days = [0, 100, 728]; // covers 729 days
    const summary = summarise(days.map((day) => ({ customer: 'a', day: D0 + day, amount: 1 })));
    expect(summary.spanDays).toBe(729);
    expect(summary.annualRetention).toEqual({
      value: null,
      reason: 'the history covers 729 days; 730 are needed',
    });
  });

  it('is measured from exactly two years on', () => {
    // Covering 730 days: the earlier window is +0 to +364, the later +365 to +729.
    const summary = summarise([
      { customer: 'a', day: D0, amount: 1 },
      { customer: 'a', day: D0 + 729, amount: 1 },
      { customer: 'b', day: D0 + 364, amount: 1 },
    ]);
    expect(summary.annualRetention).toMatchObject({ value: 0.5, activeInEarlier: 2, activeInBoth: 1 });
  });

  it('is null when nobody bought in the earlier year', () => {
    // Earlier window for a last day of +1000: +271 to +635; nobody bought then.
    const summary = summarise([
      { customer: 'a', day: D0, amount: 1 },
      { customer: 'a', day: D0 + 1000, amount: 1 },
    ]);
    expect(summary.annualRetention).toEqual({ value: null, reason: 'no orders in the earlier year' });
  });
});

describe('order of arrival', () => {
  it('gives the same summary for the five customers in any order, newest first included', () => {
    const orders = ordersFrom(FIVE_CUSTOMERS);
    const expected = canonical(summarise(orders));
    expect(canonical(summarise([...orders].reverse()))).toEqual(expected);
    fc.assert(
      fc.property(fc.shuffledSubarray(orders, { minLength: orders.length }), (shuffled) => {
        expect(canonical(summarise(shuffled))).toEqual(expected);
      }),
    );
  });

  it('gives the same summary for any orders in any order', () => {
    // Amounts in quarters, which sum exactly in binary floating point, so any order of addition agrees.
    const order = fc.record({
      customer: fc.constantFrom('a', 'b', 'c', 'd', 'e@x.org'),
      day: fc.integer({ min: D0, max: D0 + 1200 }),
      amount: fc.integer({ min: 0, max: 40_000 }).map((quarters) => quarters / 4),
    });
    const ordersAndShuffle = fc
      .array(order, { minLength: 1, maxLength: 60 })
      .chain((orders) =>
        fc.tuple(fc.constant(orders), fc.shuffledSubarray(orders, { minLength: orders.length })),
      );
    fc.assert(
      fc.property(
        ordersAndShuffle,
        fc.constantFrom('month' as const, 'quarter' as const),
        ([orders, shuffled], cohortPeriod) => {
          const sorted = [...orders].sort((a, b) => a.day - b.day);
          expect(canonical(summarise(shuffled, { cohortPeriod }))).toEqual(
            canonical(summarise(sorted, { cohortPeriod })),
          );
        },
      ),
    );
  });
});

/** A summary with the per-customer model inputs sorted, as their order follows the customers' arrival. */
function canonical(summary: HistorySummary): HistorySummary {
  const byValues = (a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  // The per-customer facts follow the model inputs' order (arrival order); tested in forecast/holdout.test.ts.
  const { customerFacts: _facts, ...rest } = summary;
  return {
    ...rest,
    bgnbd: [...summary.bgnbd].sort(byValues),
    gammaGamma: [...summary.gammaGamma].sort(byValues),
  };
}

describe('same-day orders', () => {
  it('merge into one transaction whose value is their sum, for the models too', () => {
    const day = D0 + 10;
    const summary = summarise([
      { customer: 'a', day: D0, amount: 10 },
      { customer: 'a', day, amount: 2.5 },
      { customer: 'a', day, amount: 7.5 },
      { customer: 'a', day, amount: 0 },
    ]);
    expect([summary.orders, summary.transactions]).toEqual([4, 2]);
    expect(summary.bgnbd).toEqual([{ customer: 'a', x: 1, tx: 10 / 7, T: 10 / 7 }]);
    expect(summary.gammaGamma).toEqual([{ customer: 'a', x: 1, mx: 10 }]);
  });

  it('leave out of Gamma-Gamma a repeat buyer whose repeat orders were all free', () => {
    const summary = summarise([
      { customer: 'a', day: D0, amount: 10 },
      { customer: 'a', day: D0 + 7, amount: 0 },
    ]);
    expect(summary.bgnbd).toEqual([{ customer: 'a', x: 1, tx: 1, T: 1 }]);
    expect(summary.gammaGamma).toEqual([]);
  });
});

describe('the accumulator', () => {
  it('gives null for no orders', () => {
    expect(createHistory().finish()).toBeNull();
  });

  it('counts as it goes, and may be finished again after more orders', () => {
    const history = createHistory();
    history.add({ customer: 'a', day: D0, amount: 10 });
    expect(history.finish()?.customers).toBe(1);
    history.add({ customer: 'b', day: D0 + 1, amount: 20 });
    history.add({ customer: 'a', day: D0 - 1, amount: 5 });
    expect([history.orders, history.customers]).toEqual([3, 2]);
    const summary = history.finish();
    expect(summary?.transactions).toBe(3);
    expect(summary?.firstDay).toBe(D0 - 1);
    expect(summary?.bgnbd).toEqual([
      { customer: 'a', x: 1, tx: 1 / 7, T: 2 / 7 },
      { customer: 'b', x: 0, tx: 0, T: 0 },
    ]);
  });

  it('rejects orders validateRow would never give', () => {
    const history = createHistory();
    expect(() => history.add({ customer: 'a', day: 1.5, amount: 1 })).toThrow(RangeError);
    expect(() => history.add({ customer: 'a', day: 1, amount: -1 })).toThrow(RangeError);
    expect(() => history.add({ customer: 'a', day: 1, amount: Number.NaN })).toThrow(RangeError);
    expect(history.orders).toBe(0);
  });

  it('handles a customer with thousands of orders arriving in random order', () => {
    const history = createHistory();
    const days = Array.from({ length: 5000 }, (_, index) => (index * 7919) % 1000); // each of 1000 days, 5 times
    for (const day of days) history.add({ customer: 'big', day: D0 + day, amount: 1 });
    const summary = history.finish();
    expect(summary?.transactions).toBe(1000);
    expect(summary?.bgnbd).toEqual([{ customer: 'big', x: 999, tx: 999 / 7, T: 999 / 7 }]);
    expect(summary?.gammaGamma).toEqual([{ customer: 'big', x: 999, mx: 5 }]);
  });
});

describe('the single concepts', () => {
  it('lowerBound finds the first index not below the value', () => {
    expect(lowerBound([3, 5, 5, 9], 5)).toBe(1);
    expect(lowerBound([3, 5, 5, 9], 10)).toBe(4);
    expect(lowerBound([], 1)).toBe(0);
  });

  it('observedDays and observedYears count at least one year', () => {
    expect(observedDays(0, 1461)).toBe(1461);
    expect(observedDays(0, 30)).toBe(365.25);
    expect(observedYears(0, 1461)).toBe(4);
    expect(observedYears(0, 30)).toBe(1);
    expect(observedYears(10, 10)).toBe(1);
  });

  it('retentionWindows are two 365-day windows ending on the last day', () => {
    expect(retentionWindows(1000)).toEqual({
      earlier: { start: 271, end: 635 },
      later: { start: 636, end: 1000 },
    });
  });

  it('calibrationFacts counts repeat days up to the end', () => {
    expect(calibrationFacts([0, 14, 21, 70], [10, 20, 30, 40], 28)).toEqual({
      x: 2,
      tx: 3,
      T: 4,
      repeatValue: 50,
    });
    expect(calibrationFacts([30], [10], 28)).toBeNull();
  });

  it('periods are counted from 1970 and labelled', () => {
    const march15 = dayFromCivil(2024, 3, 15);
    expect(periodIndex(march15, 'month')).toBe(54 * 12 + 2);
    expect(periodIndex(march15, 'quarter')).toBe(54 * 4);
    expect(periodLabel(54 * 12 + 2, 'month')).toBe('2024-03');
    expect(periodLabel(54 * 4 + 3, 'quarter')).toBe('2024-Q4');
  });

  it('valueByAge pools the cohorts that reached each age', () => {
    // Age 0: (2 × 10 + 1 × 40)/3 = 20; age 1: only the first cohort, 15.
    expect(
      valueByAge([
        { size: 2, revenuePerCustomer: [10, 15] },
        { size: 1, revenuePerCustomer: [40] },
      ]),
    ).toEqual([
      { age: 0, customers: 3, revenuePerCustomer: 20 },
      { age: 1, customers: 2, revenuePerCustomer: 15 },
    ]);
  });
});
