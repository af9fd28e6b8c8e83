/**
 * Tests of the analysis pipeline (src/lib/orders/pipeline.ts) that the page's Worker and the benchmark run:
 * records in, line accounting, history and fit out, on small files counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { readAllRecords } from '../../../src/lib/orders/import/records';
import { dayFromCivil } from '../../../src/lib/orders/import/dates';
import {
  createFileReading,
  createOrderImport,
  fitModels,
  historyFigures,
  summarise,
  todayDayNumber,
} from '../../../src/lib/orders/pipeline';
import { sampleCsv } from '../../../src/lib/orders/sample';

const SETTINGS = { horizonYears: 3, discount: 10, margin: 40, cohortPeriod: 'month' } as const;
const TODAY = dayFromCivil(2025, 6, 30);

/** Reads a generic three-column file the way the worker does. */
function importCsv(csv: string, today = TODAY) {
  const reading = createOrderImport({ customer: 0, date: 1, amount: 2, columns: 3 }, 'YYYY-MM-DD', { today });
  readAllRecords(csv)
    .slice(1)
    .forEach((record) => reading.add(record));
  return reading;
}

describe('the pipeline', () => {
  it('reads good rows into the history and counts the others by line, skipping blank lines', () => {
    // 3 orders (a twice, b once); line 4 has no amount, line 5 is blank, line 6 a negative amount.
    const reading = importCsv(
      'c,d,a\na,2024-01-01,10\nb,2024-01-02,5\nc,2024-01-03,\n\nd,2024-01-04,-1\na,2024-02-01,20',
    );
    const summary = summarise(reading, SETTINGS);
    expect(summary?.orders).toBe(3);
    expect(summary?.revenue).toBe(35);
    const lines = reading.lines.summary();
    expect(lines.unreadable.examples.map((example) => example.line)).toEqual([4, 6]);
    expect([lines.lines, lines.orderLines, lines.excludedLines, lines.unreadableLines]).toEqual([5, 3, 0, 2]);
  });

  it('leaves out orders dated after today, and says so', () => {
    // Today is 2025-06-30: the 2099 order and the one on 2025-07-01 are left out; 2025-06-30 itself counts.
    const reading = importCsv('c,d,a\na,2025-06-30,10\nb,2099-01-01,5\nc,2025-07-01,7');
    expect(reading.lines.summary()).toMatchObject({
      lines: 3,
      orderLines: 1,
      excludedLines: 2,
      excluded: [{ reason: 'dated after today', count: 2 }],
      unreadableLines: 0,
    });
    expect(summarise(reading, SETTINGS)?.revenue).toBe(10);
  });

  it('reports a quote left open on its own line and reads the 780 orders after it', () => {
    const lines = ['customer,date,amount', 'a,2024-01-01,10', 'b,"2024-01-02,5'];
    for (let n = 0; n < 780; n++) lines.push(`c${n},2024-02-01,1`);
    const reading = importCsv(lines.join('\n'));
    const accounting = reading.lines.summary();
    expect([accounting.lines, accounting.orderLines, accounting.unreadableLines]).toEqual([782, 781, 1]);
    expect(accounting.unreadable.examples).toEqual([
      { line: 3, reason: 'a quote is left open on this line', text: 'b,"2024-01-02,5' },
    ]);
  });

  it('keeps each customer’s id with their model inputs, and leaves them out of the page’s figures', () => {
    const summary = summarise(importCsv('c,d,a\na,2024-01-01,10\nb,2024-01-02,5\na,2024-01-08,20'), SETTINGS);
    expect(summary?.bgnbd.map((customer) => customer.customer)).toEqual(['a', 'b']);
    expect(summary?.gammaGamma).toEqual([{ customer: 'a', x: 1, mx: 20 }]);
    const figures = summary ? historyFigures(summary) : null;
    expect(figures).not.toHaveProperty('bgnbd');
    expect(figures?.customers).toBe(2);
  });

  it('explains, rather than throws, when nobody bought twice or there is no order', () => {
    const once = summarise(importCsv('c,d,a\na,2024-01-01,10\nb,2024-01-02,5'), SETTINGS);
    expect(fitModels(once, SETTINGS)).toMatchObject({ bgnbd: null, problem: /bought twice/ });
    expect(fitModels(null, SETTINGS).problem).toBe('There are no orders to fit.');
  });

  it('fits the sample with positive parameters and a forecast', () => {
    const summary = summarise(importCsv(sampleCsv()), SETTINGS);
    const result = fitModels(summary, SETTINGS);
    expect(result.problem).toBeNull();
    expect(result.bgnbd?.r).toBeGreaterThan(0);
    expect(result.predictions?.expectedPurchasesPerCustomer).toBeGreaterThan(0);
  });

  it('takes today from the reader’s calendar', () => {
    expect(todayDayNumber(new Date(2025, 5, 30, 23, 59))).toBe(TODAY);
  });
});

describe('a whole file, as the worker reads it', () => {
  const options = {
    platform: true,
    mapping: { customer: 0, date: 1, amount: 2, columns: 3 },
    dateFormat: 'YYYY-MM-DD',
    today: TODAY,
  } as const;
  function readFile(csv: string) {
    const file = createFileReading(options);
    readAllRecords(csv).forEach(file.take);
    const reading = file.reading();
    if ('finish' in reading) reading.finish();
    return reading;
  }

  it('leaves out the header of a second Shopify export joined onto the first, and reads both', () => {
    const header =
      'Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Total,Refunded Amount,' +
      'Created at,Lineitem quantity,Lineitem name,Lineitem price,Cancelled at';
    const csv = [
      header,
      '#1001,ann@example.com,paid,2024-01-05,fulfilled,USD,50.00,50.00,0.00,2024-01-05,1,Mug,30.00,',
      '#1001,,,,,,,,,2024-01-05,1,Tin,20.00,',
      header,
      '#1002,bob@example.com,paid,2024-02-01,fulfilled,USD,20.00,20.00,0.00,2024-02-01,1,Bag,20.00,',
    ].join('\r\n');
    const reading = readFile(csv);
    // Four data lines: the two of order #1001, the repeated header, the one of order #1002.
    expect(reading.accounting()).toMatchObject({
      lines: 4,
      orderLines: 3,
      excludedLines: 1,
      excluded: [{ reason: 'the header line again (files joined into one?)', count: 1 }],
      unreadableLines: 0,
    });
    expect('history' in reading && summarise(reading, SETTINGS)?.revenue).toBe(70);
  });

  it('leaves out a repeated header in a plain file whatever its case and spacing', () => {
    const reading = readFile(
      'customer,date,amount\na,2024-01-01,10\n Customer ,DATE, Amount\nb,2024-01-02,5',
    );
    expect(reading.accounting()).toMatchObject({
      lines: 3,
      orderLines: 2,
      excludedLines: 1,
      unreadableLines: 0,
    });
  });

  it('leaves out a repeated header in a customer summary, and still flags a line that only looks like one', () => {
    const header = 'customer_id,frequency,recency_weeks,age_weeks,monetary_value';
    const reading = readFile(`${header}\nc1,2,10,20,15\n${header}\nc2,0,0,5,0\ncustomer_id,frequency,x,y,z`);
    expect(reading.accounting()).toMatchObject({
      lines: 4,
      orderLines: 2,
      excludedLines: 1,
      unreadableLines: 1,
    });
  });
});
