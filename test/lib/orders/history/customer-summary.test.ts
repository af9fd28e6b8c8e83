/**
 * A customer summary file read as the page's worker reads it: the rules of models.md §4 line by line,
 * each broken line counted with its reason, every line accounted for, ids kept.
 */
import { describe, expect, it } from 'vitest';
import { readAllRecords } from '../../../../src/lib/orders/import/records';
import {
  SUMMARY_REASONS,
  recogniseCustomerSummary,
} from '../../../../src/lib/orders/history/customer-summary';
import { generateCustomerSummaryCsv } from '../../../../src/lib/orders/history/summary-sample';
import { createCustomerSummaryImport } from '../../../../src/lib/orders/pipeline';

function read(csv: string) {
  const [header, ...records] = readAllRecords(csv);
  const columns = recogniseCustomerSummary(header?.fields ?? []);
  if (!columns) throw new Error('not a summary');
  const reading = createCustomerSummaryImport(columns);
  records.forEach((record) => reading.add(record));
  return reading;
}

describe('customer summary files', () => {
  it('are recognised from the five columns in any order and case, among others', () => {
    expect(
      recogniseCustomerSummary(['customer_id', 'frequency', 'recency_weeks', 'age_weeks', 'monetary_value']),
    ).toEqual({ customer: 0, frequency: 1, recency: 2, age: 3, monetary: 4, columns: 5 });
    expect(
      recogniseCustomerSummary([
        'segment',
        'MONETARY_VALUE',
        'AGE_WEEKS',
        'RECENCY_WEEKS',
        'FREQUENCY',
        'CUSTOMER_ID',
      ])?.customer,
    ).toBe(5);
    expect(recogniseCustomerSummary(['customer_id', 'frequency', 'recency_weeks', 'age_weeks'])).toBeNull();
    expect(recogniseCustomerSummary(['customer_id', 'order_date', 'amount'])).toBeNull();
  });

  it('read each good line as a customer, and count each broken one with its reason', () => {
    const csv = [
      'customer_id,frequency,recency_weeks,age_weeks,monetary_value,segment',
      'a,2,3.5,10,24.5,gold', // line 2: x = 2, tₓ = 3.5, T = 10, m̄ₓ = 24.5
      'b,0,0,4,0,new', // 3: one purchase only
      'c,1.5,1,2,3,', // 4: frequency not whole
      'd,1,5,4,3,', // 5: recency after age
      'e,0,1,4,0,', // 6: recency without a repeat
      'f,0,0,4,9.5,', // 7: spend without a repeat
      'g,1,1,2,-1,', // 8: negative spend
      ',1,1,2,3,', // 9: no id
      'a,1,1,2,3,', // 10: a again
      'h,1,1,two,3,', // 11: age not a number
      'i,1,1,2', // 12: wrong number of columns
      '', // blank: not a data line
      'j,3,0,0,0,', // 14: a repeat buyer whose repeats cost nothing (kept, not in the spend model)
    ].join('\n');
    const reading = read(csv);
    const lines = reading.accounting();
    expect([lines.lines, lines.orderLines, lines.excludedLines, lines.unreadableLines]).toEqual([
      12, 3, 0, 9,
    ]);
    expect(lines.lines).toBe(lines.orderLines + lines.excludedLines + lines.unreadableLines);
    expect(lines.unreadable.examples.map((example) => [example.line, example.reason])).toEqual([
      [4, SUMMARY_REASONS.frequency],
      [5, SUMMARY_REASONS.recencyAfterAge],
      [6, SUMMARY_REASONS.recencyWithoutRepeat],
      [7, SUMMARY_REASONS.monetaryWithoutRepeat],
      [8, SUMMARY_REASONS.monetary],
      [9, SUMMARY_REASONS.noCustomer],
      [10, SUMMARY_REASONS.duplicate],
      [11, SUMMARY_REASONS.age],
      [12, SUMMARY_REASONS.columns],
    ]);
    const result = reading.result();
    expect(result?.bgnbd).toEqual([
      { customer: 'a', x: 2, tx: 3.5, T: 10 },
      { customer: 'b', x: 0, tx: 0, T: 4 },
      { customer: 'j', x: 3, tx: 0, T: 0 },
    ]);
    expect(result?.gammaGamma).toEqual([{ customer: 'a', x: 2, mx: 24.5 }]);
    // 12 data lines (the blank one is none): a, b and j read, the 9 others not. 3 customers, 2 repeat buyers; purchase days 3 + 1 + 4 = 8; repeat spend 2 × 24.5 over 5 repeat days.
    expect(result?.figures).toEqual({
      customers: 3,
      repeatBuyers: 2,
      repeatPurchaseRate: 2 / 3,
      purchaseDays: 8,
      repeatPurchaseDays: 5,
      averageRepeatValue: 49 / 5,
      longestAgeWeeks: 10,
      meanAgeWeeks: 14 / 3,
    });
  });

  it('give no result when no line is a customer', () => {
    expect(
      read('customer_id,frequency,recency_weeks,age_weeks,monetary_value\n,1,1,1,1').result(),
    ).toBeNull();
  });

  it('the benchmark’s made-up summary is valid throughout', () => {
    const reading = read([...generateCustomerSummaryCsv(2000, 7)].join(''));
    expect(reading.accounting()).toMatchObject({ lines: 2000, orderLines: 2000, unreadableLines: 0 });
    expect(reading.result()?.figures.repeatBuyers).toBeGreaterThan(0);
  });
});
