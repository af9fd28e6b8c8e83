/**
 * New customers' repeat rate, which the Sale vs Customer link carries (its retention help asks for it),
 * counted by hand on a small history.
 */
import { describe, expect, it } from 'vitest';
import { createHistory } from '../../../src/lib/orders/history/history';
import { calculatorLinks, saleRetentionNote } from '../../../src/lib/orders/settings';

describe('newCustomerRetention', () => {
  // last day 1000: earlier window days 271–635, later window 636–1000
  const history = createHistory();
  const orders: [string, number][] = [
    ['old', 0], // the first order of the history, before both windows
    ['old', 300],
    ['old', 700], // a regular: in annual retention, not a new customer
    ['new1', 280],
    ['new1', 640], // new in the earlier year, back in the later one
    ['new2', 600], // new in the earlier year, never back
    ['new3', 620],
    ['new3', 630], // back, but within the earlier year only
    ['late', 900],
    ['end', 1000],
  ];
  for (const [customer, day] of orders) history.add({ customer, day, amount: 10 });
  const summary = history.finish()!;

  it('is the share of customers first seen in the earlier year who bought in the later one: 1 of 3', () => {
    const measure = summary.newCustomerRetention!;
    expect(measure.value).toBeCloseTo(1 / 3, 15);
    if (measure.value === null) return;
    expect([measure.activeInEarlier, measure.activeInBoth]).toEqual([3, 1]);
    // the whole base's retention counts the regular too: old, new1 back of old, new1, new2, new3
    expect(summary.annualRetention.value).toBeCloseTo(2 / 4, 15);
  });

  it('goes into the Sale vs Customer link, while Retention vs Acquisition keeps the whole base’s', () => {
    const links = calculatorLinks({
      averageOrderValue: 10,
      ordersPerCustomerPerYear: 2,
      retentionPercent: 50,
      newCustomerRetentionPercent: 100 / 3,
      expectedActive: 3,
      customers: 6,
      margin: 40,
      discount: 10,
      horizonYears: 3,
    });
    expect(new URL(links.saleVsCustomer, 'http://x').searchParams.get('retention')).toBe('33.3');
    expect(new URL(links.retention, 'http://x').searchParams.get('churn')).toBe('50');
    expect(saleRetentionNote(summary.newCustomerRetention, 'en-US')).toMatch(
      /^Sale vs Customer gets new customers’ repeat rate, 33\.3%: of the 3 customers whose first order was/,
    );
  });

  it('is not sent when it cannot be measured: the calculator keeps its own default', () => {
    const short = createHistory();
    short.add({ customer: 'a', day: 0, amount: 5 });
    short.add({ customer: 'a', day: 100, amount: 5 });
    const measure = short.finish()!.newCustomerRetention!;
    expect(measure.value).toBeNull();
    const links = calculatorLinks({
      averageOrderValue: 10,
      ordersPerCustomerPerYear: 2,
      retentionPercent: null,
      newCustomerRetentionPercent: null,
      expectedActive: 1,
      customers: 1,
      margin: 40,
      discount: 10,
      horizonYears: 3,
    });
    expect(links.saleVsCustomer).not.toMatch(/retention=/);
    expect(saleRetentionNote(measure, 'en-US')).toMatch(/keeps its own retention figure/);
  });
});
