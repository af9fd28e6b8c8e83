import { describe, expect, it } from 'vitest';
import { forecastCustomers } from '../../../../src/lib/orders/forecast/customers';
import { COLUMNS, NOT_IN_SUMMARY, cellText, rowOrder } from '../../../../src/lib/orders/forecast/table';
import { CUSTOMER_CSV_COLUMNS } from '../../../../src/lib/orders/forecast/csv';

const UNIT = { r: 1, alpha: 1, a: 1, b: 1 };
const table = forecastCustomers(
  {
    bgnbd: [
      { customer: 'Bea', x: 2, tx: 10, T: 20 },
      { customer: 'al', x: 0, tx: 0, T: 30 },
      { customer: 'Cal', x: 5, tx: 19, T: 20 },
      { customer: 'bob', x: 2, tx: 5, T: 20 },
    ],
    gammaGamma: [],
    averageOrderValue: 10,
  },
  UNIT,
  null,
  { horizonYears: 1, discount: 10, margin: 40 },
);

describe('the customer table', () => {
  it('has a column for every CSV column, in the same order', () => {
    expect(COLUMNS.map((column) => column.key)).toEqual([...CUSTOMER_CSV_COLUMNS]);
  });

  it('sorts by a number column either way, ties in table order', () => {
    expect(Array.from(rowOrder(table, 'frequency', 'descending'))).toEqual([2, 0, 3, 1]);
    expect(Array.from(rowOrder(table, 'frequency', 'ascending'))).toEqual([1, 0, 3, 2]);
  });

  it('sorts ids by their characters, and searches ids ignoring case', () => {
    expect(Array.from(rowOrder(table, 'customer', 'ascending'))).toEqual([0, 2, 1, 3]); // B < C < a < b
    expect(Array.from(rowOrder(table, 'customer', 'ascending', ' B'))).toEqual([0, 3]);
    expect(Array.from(rowOrder(table, 'p_alive', 'descending', 'zzz'))).toEqual([]);
  });

  it('reads "not in a summary" where a summary has no order facts, and never NaN', () => {
    for (const column of COLUMNS) {
      const text = cellText(table, 1, column.key, 'en-US', 'USD');
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
      expect(text).not.toBe('');
    }
    expect(cellText(table, 1, 'first_order', 'en-US', 'USD')).toBe(NOT_IN_SUMMARY);
    expect(cellText(table, 1, 'p_alive', 'en-US', 'USD')).toBe('100%');
  });
});
