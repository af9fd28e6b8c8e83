import fc from 'fast-check';
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

describe('followUpList on any table', () => {
  /** A table of these customers' figures (only what the list reads), ids in the order given. */
  function tableOf(
    rows: readonly { id: string; x: number; tx: number; T: number; p: number; value: number }[],
  ) {
    const idStarts = new Int32Array(rows.length + 1);
    rows.forEach((row, index) => (idStarts[index + 1] = idStarts[index]! + row.id.length));
    const column = (pick: (row: (typeof rows)[number]) => number) => Float64Array.from(rows, pick);
    return {
      count: rows.length,
      idText: rows.map((row) => row.id).join(''),
      idStarts,
      facts: null,
      frequency: column((row) => row.x),
      recencyWeeks: column((row) => row.tx),
      ageWeeks: column((row) => row.T),
      pAlive: column((row) => row.p),
      expectedOrders: column(() => 0),
      expectedOrderValue: column(() => 0),
      predictedValue: column((row) => row.value),
      segment: new Uint8Array(rows.length),
    };
  }
  const row = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
    x: fc.integer({ min: 0, max: 4 }),
    tx: fc.integer({ min: 0, max: 20 }),
    T: fc.integer({ min: 0, max: 40 }),
    p: fc.constantFrom(0, 0.05, 0.1, 0.5, 0.9, 1),
    // few distinct values, so that equal stakes (ranked by id) are common
    value: fc.constantFrom(-1, 0, 10, 20),
  });

  it('is the first entries of every overdue candidate sorted by stake, then id', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), (rows, length) => {
        const expected = rows
          .map((r, index) => ({ index, id: r.id, stake: (r.value / r.p) * (1 - r.p), r }))
          .filter(({ r, stake }) => r.x >= 1 && r.p >= 0.1 && r.p < 1 && r.T - r.tx > r.tx / r.x && stake > 0)
          .sort((a, b) => b.stake - a.stake || a.id.localeCompare(b.id))
          .slice(0, length);
        const list = followUpList(tableOf(rows), 'en-US', length);
        expect(list.map((entry) => [entry.customer, entry.valueAtStake])).toEqual(
          expected.map((entry) => [entry.id, entry.stake]),
        );
      }),
    );
  });
});
