import { describe, expect, it } from 'vitest';
import {
  readStripeSubscriptions,
  recogniseStripeSubscriptions,
  wholePeriodsBetween,
} from '../../../src/lib/subscription/stripe-subscriptions';

// Synthetic, written from the documented columns; hand-counted below.
const EXPORT = [
  'id,Customer ID,Status,Created (UTC),Canceled At (UTC),Ended At (UTC),Interval,Amount',
  'sub_1,cus_1,active,2025-01-05 10:00:00,,,month,30.00',
  'sub_2,cus_2,canceled,2025-01-10 08:00:00,2025-02-01 00:00:00,2025-02-15 08:00:00,month,30.00',
  'sub_3,cus_3,canceled,2025-01-20 12:00:00,2025-01-25 12:00:00,2025-01-25 12:00:00,month,30.00',
  'sub_4,cus_4,active,2025-02-01 09:00:00,,,month,30.00',
  'sub_5,cus_5,canceled,2025-02-03 09:00:00,2025-04-01 09:00:00,,month,30.00',
  'sub_6,cus_6,trialing,2025-03-01 09:00:00,,,month,30.00',
  'sub_7,cus_7,incomplete_expired,2025-03-02 09:00:00,,,month,30.00',
  'sub_8,cus_8,active,2025-03-03 09:00:00,,,year,300.00',
  'sub_9,cus_9,active,last week,,,month,30.00',
  'sub_10,cus_10,weird,2025-03-04 09:00:00,,,month,30.00',
  'sub_11,cus_11,active,2025-06-20 09:00:00,,,month,30.00',
].join('\n');

describe("Stripe's subscriptions export", () => {
  it('is recognised from its header, and a plain orders file is not', () => {
    expect(recogniseStripeSubscriptions(EXPORT.split('\n')[0]!.split(','))).not.toBeNull();
    expect(recogniseStripeSubscriptions(['customer', 'date', 'amount'])).toBeNull();
    expect(readStripeSubscriptions('customer,date,amount\na,2025-01-01,3\n', 'month')).toBeNull();
  });

  it('counts whole months by the calendar', () => {
    const day = (year: number, month: number, d: number) => ({ year, month, day: d });
    expect(wholePeriodsBetween(day(2025, 1, 10), day(2025, 2, 15), 'month')).toBe(1);
    expect(wholePeriodsBetween(day(2025, 2, 3), day(2025, 4, 1), 'month')).toBe(1);
    expect(wholePeriodsBetween(day(2025, 1, 31), day(2025, 1, 1), 'month')).toBe(0);
    expect(wholePeriodsBetween(day(2023, 5, 1), day(2025, 4, 30), 'year')).toBe(1);
  });

  it('builds the cohorts by start month, by hand, and accounts for every line', () => {
    const read = readStripeSubscriptions(EXPORT, 'month', '2025-06-30')!;
    expect(read.format).toBe('A Stripe subscriptions export');
    // January: sub_1 active, sub_2 renewed once, sub_3 left in its first month; watched 5 months (from the 20th)
    // February: sub_4 active, sub_5 asked to cancel on 1 April (no end date): renewed once; watched 4 months
    expect(read.cohorts).toEqual([
      { label: '2025-01', series: [3, 2, 1, 1, 1, 1] },
      { label: '2025-02', series: [2, 2, 1, 1, 1] },
    ]);
    expect(read.excluded).toEqual({
      'in a free trial (not paid yet)': 1,
      'never paid (incomplete, expired)': 1,
      'billed by the year, not by the month': 1,
      'started less than one billing period before the last date in the file': 1,
    });
    expect(read.unreadable.map((line) => line.line)).toEqual([10, 11]);
    const excluded = Object.values(read.excluded).reduce((sum, n) => sum + n, 0);
    expect(read.lines).toBe(11);
    expect(read.countedLines + excluded + read.unreadable.length).toBe(read.lines);
  });

  it('runs the counts to the latest date in the file when none is given', () => {
    const read = readStripeSubscriptions(EXPORT, 'month')!;
    expect(read.asOf).toBe('2025-06-20');
    // January's youngest started on the 20th: 5 whole months to 20 June
    expect(read.cohorts[0]!.series).toHaveLength(6);
  });

  it('a cancellation dated after the last date is still to come: active until then', () => {
    const text = [
      'id,Status,Created (UTC),Ended At (UTC)',
      'sub_1,canceled,2025-01-01,2025-12-01',
      'sub_2,canceled,2025-01-01,2025-02-01',
    ].join('\n');
    expect(readStripeSubscriptions(text, 'month', '2025-04-01')!.cohorts).toEqual([
      { label: '2025-01', series: [2, 2, 1, 1] },
    ]);
  });
});
