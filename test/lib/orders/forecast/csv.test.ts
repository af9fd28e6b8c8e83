import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  CUSTOMER_CSV_COLUMNS,
  csvNumber,
  csvText,
  customersCsvParts,
  followUpCsv,
} from '../../../../src/lib/orders/forecast/csv';
import { forecastCustomers } from '../../../../src/lib/orders/forecast/customers';
import { createHistory } from '../../../../src/lib/orders/history/history';
import { dayFromCivil } from '../../../../src/lib/orders/import/dates';

const UNIT = { r: 1, alpha: 1, a: 1, b: 1 };
const SETTINGS = { horizonYears: 1, discount: 10, margin: 40 };

describe('csvText', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' edge', '" edge"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['@x', "'@x"],
    ['-5,1', '"\'-5,1"'],
  ])('%j → %j', (text, expected) => expect(csvText(text)).toBe(expected));
});

describe('csvNumber', () => {
  it('keeps at most 6 decimals and writes nothing for a non-finite number', () => {
    expect(csvNumber(0.1234567)).toBe('0.123457');
    expect(csvNumber(3)).toBe('3');
    expect(csvNumber(1234567.5)).toBe('1234567.5');
    expect(csvNumber(Number.NaN)).toBe('');
  });
});

describe('the customers file', () => {
  const d0 = dayFromCivil(2024, 1, 1);
  const history = createHistory();
  history.add({ customer: 'ann, "the first"', day: d0, amount: 10 });
  history.add({ customer: 'ann, "the first"', day: d0 + 14, amount: 20.5 });
  history.add({ customer: '=cmd', day: d0 + 7, amount: 5 });
  const summary = history.finish()!;
  const table = forecastCustomers(summary, UNIT, null, SETTINGS);
  const text = customersCsvParts(table).join('');
  const parsed = Papa.parse<string[]>(text.trimEnd(), {}).data;

  it('has exactly the issue’s header, CRLF line ends, one line per customer', () => {
    expect(text.split('\r\n')[0]).toBe(
      'customer,orders,first_order,last_order,total_spend,frequency,recency_weeks,age_weeks,p_alive,expected_orders,expected_order_value,predicted_value,segment',
    );
    expect(parsed[0]).toEqual([...CUSTOMER_CSV_COLUMNS]);
    expect(parsed).toHaveLength(3);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes the facts, the summaries and the segment; ids read back exactly (or defused)', () => {
    expect(parsed[1]!.slice(0, 8)).toEqual([
      'ann, "the first"',
      '2',
      '2024-01-01',
      '2024-01-15',
      '30.5',
      '1',
      '2',
      '2',
    ]);
    expect(parsed[2]![0]).toBe("'=cmd");
    expect(parsed[1]![12]).toBe('new'); // T = 2 weeks < 13
    for (const row of parsed.slice(1))
      for (const cell of row) expect(cell).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('leaves the order facts empty for a customer summary', () => {
    const fromSummary = forecastCustomers(
      { bgnbd: summary.bgnbd, gammaGamma: summary.gammaGamma, averageOrderValue: 10 },
      UNIT,
      null,
      SETTINGS,
    );
    const rows = Papa.parse<string[]>(customersCsvParts(fromSummary).join('').trimEnd(), {}).data;
    expect(rows[1]!.slice(1, 5)).toEqual(['', '', '', '']);
    expect(rows[1]![5]).toBe('1');
  });
});

describe('the follow-up file', () => {
  it('ranks from 1 and quotes the reason, which holds commas', () => {
    const text = followUpCsv([
      {
        index: 0,
        customer: 'c1',
        purchases: 6,
        usualGapWeeks: 5,
        silentWeeks: 19,
        pAlive: 0.4,
        valueIfActive: 100,
        valueAtStake: 60,
        reason: 'ordered 6 times, about every 5 weeks; nothing for 19 weeks',
      },
    ]);
    expect(text).toBe(
      'rank,customer,value_at_stake,p_alive,purchases,usual_gap_weeks,weeks_since_last,reason\r\n' +
        '1,c1,60,0.4,6,5,19,"ordered 6 times, about every 5 weeks; nothing for 19 weeks"\r\n',
    );
  });
});
