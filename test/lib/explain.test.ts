import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSaleVsCustomer } from '../../src/lib/sale-vs-customer/model';
import { describeSaleVsCustomer } from '../../src/lib/sale-vs-customer/explain';
import { computeRetention } from '../../src/lib/retention-vs-acquisition/model';
import { describeRetention } from '../../src/lib/retention-vs-acquisition/explain';
import { SUPPORTED_CURRENCIES } from '../../src/lib/currency';

// What the pages print for any input the calculators accept: never a throw, never NaN or Infinity, never a
// blank where a number or an explanation belongs. Edge values (0, 100, the maxima) are drawn often.
const percent = fc.oneof(fc.constantFrom(0, 100), fc.double({ min: 0, max: 100, noNaN: true }));
const money = fc.oneof(fc.constantFrom(0, 1e9), fc.double({ min: 0, max: 1e9, noNaN: true }));
const positiveMoney = fc.oneof(fc.constantFrom(1e-9, 1e9), fc.double({ min: 1e-6, max: 1e9, noNaN: true }));
const currency = fc.constantFrom(...SUPPORTED_CURRENCIES);
const locale = fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'ja-JP', 'hi-IN');

function expectReadable(views: Record<string, { value: number | null; text: string; sentence: string }>) {
  for (const [name, view] of Object.entries(views)) {
    expect(view.text.trim(), name).not.toBe('');
    expect(view.sentence.trim(), name).not.toBe('');
    expect(`${view.text} ${view.sentence}`, name).not.toMatch(/NaN|Infinity|undefined/);
    if (view.value !== null) expect(Number.isFinite(view.value), name).toBe(true);
  }
}

describe('what the Sale vs Customer page prints', () => {
  it('is readable for every input in range', () => {
    fc.assert(
      fc.property(
        positiveMoney,
        percent,
        fc.oneof(fc.constantFrom(365), fc.double({ min: 0.01, max: 365, noNaN: true })),
        percent,
        percent,
        fc.integer({ min: 1, max: 50 }),
        money,
        fc.double({ min: 0, max: 10, noNaN: true }),
        currency,
        locale,
        (aov, margin, freq, retention, discount, years, cac, referrals, code, tag) => {
          const inputs = { aov, margin, freq, retention, discount, years, cac, referrals };
          expectReadable(describeSaleVsCustomer(inputs, computeSaleVsCustomer(inputs), code, tag));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('what the Retention vs Acquisition page prints', () => {
  it('is readable for every input in range, including churn 100 and a free programme', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        percent,
        fc.double({ min: 0, max: 1, noNaN: true }),
        money,
        money,
        money,
        fc.integer({ min: 1, max: 50 }),
        currency,
        locale,
        (customers, churn, share, programCost, cac, yearlyMargin, years, code, tag) => {
          const inputs = {
            customers,
            churn,
            churnWithProgram: churn * share,
            programCost,
            cac,
            yearlyMargin,
            years,
          };
          expectReadable(describeRetention(inputs, computeRetention(inputs), code, tag));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('explains a free programme that keeps everyone', () => {
    const inputs = {
      customers: 1000,
      churn: 100,
      churnWithProgram: 0,
      programCost: 0,
      cac: 150,
      yearlyMargin: 200,
      years: 50,
    };
    const views = describeRetention(inputs, computeRetention(inputs), 'USD', 'en-US');
    expect(views.keepVsWinPercent.sentence).toContain('costs nothing');
  });
});
