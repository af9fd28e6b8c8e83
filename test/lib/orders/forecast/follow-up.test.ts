import { describe, expect, it } from 'vitest';
import { forecastCustomers } from '../../../../src/lib/orders/forecast/customers';
import { followUpList, followUpReason } from '../../../../src/lib/orders/forecast/follow-up';
import { expectCloseTo } from '../../tolerance';

const UNIT = { r: 1, alpha: 1, a: 1, b: 1 };

describe('followUpReason', () => {
  it('reads as the issue’s example', () => {
    expect(followUpReason(6, 5, 19, 'en-US')).toBe(
      'ordered 6 times, about every 5 weeks; nothing for 19 weeks',
    );
  });
  it('says "every week" and "a week" for about one week, and never less than one', () => {
    expect(followUpReason(3, 0.4, 1.2, 'en-US')).toBe(
      'ordered 3 times, about every week; nothing for a week',
    );
  });
});

describe('followUpList', () => {
  const customers = [
    // overdue: 5 repeats over 25 weeks (gap 5), silent 19 weeks
    { customer: 'overdue', x: 5, tx: 25, T: 44 },
    // the same but only 4 weeks silent: within the usual gap, not listed
    { customer: 'on-time', x: 5, tx: 25, T: 29 },
    // one purchase day only: never listed
    { customer: 'once', x: 0, tx: 0, T: 44 },
    // overdue but almost surely gone (p_alive below 10 %)
    { customer: 'gone', x: 10, tx: 10, T: 200 },
    // overdue, smaller value at stake
    { customer: 'small', x: 1, tx: 4, T: 14 },
  ];
  const table = forecastCustomers({ bgnbd: customers, gammaGamma: [], averageOrderValue: 50 }, UNIT, null, {
    horizonYears: 1,
    discount: 10,
    margin: 40,
  });
  const list = followUpList(table, 'en-US');

  it('lists only overdue repeat buyers with at least a 10 % chance, largest stake first', () => {
    expect(table.pAlive[3]).toBeLessThan(0.1);
    const ids = list.map((entry) => entry.customer);
    expect(ids.sort()).toEqual(['overdue', 'small']);
    expect(list[0]!.valueAtStake).toBeGreaterThanOrEqual(list[1]!.valueAtStake);
  });

  it('values the stake as predicted value ÷ p_alive × (1 − p_alive), with its reason', () => {
    const entry = list.find((item) => item.customer === 'overdue')!;
    const p = table.pAlive[0]!;
    // p_alive by hand: 1/(1 + (1/5)(45/26)^6)
    expectCloseTo(p, 1 / (1 + 0.2 * (45 / 26) ** 6), 1e-13);
    expectCloseTo(entry.valueAtStake, (table.predictedValue[0]! / p) * (1 - p), 1e-13);
    expect(entry.reason).toBe('ordered 6 times, about every 5 weeks; nothing for 19 weeks');
  });
});
