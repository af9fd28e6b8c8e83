/**
 * Tests of the analysis pipeline (src/lib/orders/pipeline.ts) that the page's Worker and the benchmark run:
 * rows in, history and fit out, on a small file counted by hand.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { createOrderImport, fitModels, historyFigures, summarise } from '../../../src/lib/orders/pipeline';
import { sampleCsv } from '../../../src/lib/orders/sample';

const SETTINGS = { horizonYears: 3, discount: 10, margin: 40, cohortPeriod: 'month' } as const;

function importCsv(csv: string) {
  const reading = createOrderImport({ customer: 0, date: 1, amount: 2, columns: 3 }, 'YYYY-MM-DD');
  Papa.parse<string[]>(csv).data.forEach((fields, index) => {
    if (index > 0) reading.add(fields, index + 1);
  });
  return reading;
}

describe('the pipeline', () => {
  it('reads good rows into the history and counts the others by line, skipping blank lines', () => {
    // 3 orders (a twice, b once); line 4 has no amount, line 5 is blank, line 6 a negative amount.
    const reading = importCsv(
      'c,d,a\na,2024-01-01,10\nb,2024-01-02,5\nc,2024-01-03,\n\nd,2024-01-04,-1\na,2024-02-01,20',
    );
    const summary = summarise(reading.history, SETTINGS);
    expect(summary?.orders).toBe(3);
    expect(summary?.revenue).toBe(35);
    expect(reading.bad.summary().examples.map((example) => example.line)).toEqual([4, 6]);
  });

  it('keeps each customer’s id with their model inputs, and leaves them out of the page’s figures', () => {
    const summary = summarise(
      importCsv('c,d,a\na,2024-01-01,10\nb,2024-01-02,5\na,2024-01-08,20').history,
      SETTINGS,
    );
    expect(summary?.bgnbd.map((customer) => customer.customer)).toEqual(['a', 'b']);
    expect(summary?.gammaGamma).toEqual([{ customer: 'a', x: 1, mx: 20 }]);
    const figures = summary ? historyFigures(summary) : null;
    expect(figures).not.toHaveProperty('bgnbd');
    expect(figures?.customers).toBe(2);
  });

  it('explains, rather than throws, when nobody bought twice or nobody had bought by the calibration end', () => {
    const once = summarise(importCsv('c,d,a\na,2024-01-01,10\nb,2024-01-02,5').history, SETTINGS);
    expect(fitModels(once, SETTINGS)).toMatchObject({ bgnbd: null, problem: /bought twice/ });
    expect(fitModels(null, SETTINGS).problem).toBe('There are no orders to fit.');
  });

  it('fits the sample with positive parameters and a forecast', () => {
    const summary = summarise(importCsv(sampleCsv()).history, SETTINGS);
    const result = fitModels(summary, SETTINGS);
    expect(result.problem).toBeNull();
    expect(result.bgnbd?.r).toBeGreaterThan(0);
    expect(result.predictions?.expectedPurchasesPerCustomer).toBeGreaterThan(0);
  });
});
