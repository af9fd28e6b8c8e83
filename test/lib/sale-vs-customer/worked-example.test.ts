import { describe, expect, it } from 'vitest';
import { computeSaleVsCustomer, saleValue, annualMargin } from '../../../src/lib/sale-vs-customer/model';
import { WORKED_EXAMPLE } from '../../../src/lib/sale-vs-customer/worked-example';
import { SALE_VS_CUSTOMER_PARAMS } from '../../../src/lib/sale-vs-customer/params';
import { defaultValues } from '../../../src/lib/params';

// Every figure the calculator page quotes in its worked example must be what the model computes,
// to the precision the page prints it.
describe('the worked example on the Sale vs Customer page', () => {
  const { inputs, quoted } = WORKED_EXAMPLE;
  const results = computeSaleVsCustomer(inputs);

  it('uses the calculator’s defaults, so the example is what a first-time reader sees', () => {
    expect(inputs).toEqual(defaultValues(SALE_VS_CUSTOMER_PARAMS));
  });

  it('quotes the sale and the yearly margin', () => {
    expect(saleValue(inputs.aov, inputs.margin / 100)).toBeCloseTo(quoted.sale, 10);
    expect(annualMargin(quoted.sale, inputs.freq)).toBeCloseTo(quoted.annualMargin, 10);
  });

  it('quotes years 2 and 3 and the ratio between years, to the cent', () => {
    expect(results.rows[1]?.discountedValue).toBeCloseTo(quoted.year2Value, 2);
    expect(results.rows[2]?.discountedValue).toBeCloseTo(quoted.year3Value, 2);
    expect(inputs.retention / 100 / (1 + inputs.discount / 100)).toBeCloseTo(quoted.ratio, 4);
  });

  it('quotes the lifetime value, long-run value, face value and multiple', () => {
    expect(results.clv).toBeCloseTo(quoted.clv, 2);
    expect(results.longRun).toBeCloseTo(quoted.longRun, 10);
    expect(results.clvUndiscounted).toBeCloseTo(quoted.clvUndiscounted, 2);
    expect(results.activeYears).toBeCloseTo(quoted.activeYears, 2);
    expect(results.multiple).toBeCloseTo(quoted.multiple, 1);
  });

  it('quotes the payback month', () => {
    expect(results.paybackMonths).toBe(quoted.paybackMonths);
  });
});
