import { describe, expect, it } from 'vitest';
import { calculatorLinks, readCalibrationEnd, writeCalibrationEnd } from '../../../src/lib/orders/settings';
import { decodeQuery } from '../../../src/lib/url-codec';
import { SALE_VS_CUSTOMER_PARAMS } from '../../../src/lib/sale-vs-customer/params';
import { RETENTION_PARAMS } from '../../../src/lib/retention-vs-acquisition/params';

describe('calibrationEnd in the URL', () => {
  it('round-trips a day', () => {
    // 2024-03-01 is day 19783 (19,783 days after 1970-01-01).
    expect(writeCalibrationEnd(19783)).toBe('calibrationEnd=2024-03-01');
    expect(readCalibrationEnd(new URLSearchParams('calibrationEnd=2024-03-01'))).toEqual({
      day: 19783,
      malformed: false,
    });
  });

  it('reports malformed dates and ignores absent ones', () => {
    expect(readCalibrationEnd(new URLSearchParams('calibrationEnd=2024-02-30'))).toEqual({
      day: null,
      malformed: true,
    });
    expect(readCalibrationEnd(new URLSearchParams(''))).toEqual({ day: null, malformed: false });
  });
});

describe('calculatorLinks', () => {
  const links = calculatorLinks({
    averageOrderValue: 42.456,
    ordersPerCustomerPerYear: 2.345,
    retentionPercent: 38.26,
    expectedActive: 812.4,
    customers: 1500,
    margin: 40,
    discount: 10,
    horizonYears: 3,
  });

  it('opens Sale vs Customer with the measured numbers, every key accepted', () => {
    const decoded = decodeQuery(SALE_VS_CUSTOMER_PARAMS, links.saleVsCustomer.split('?')[1] ?? '');
    expect(decoded.ignored).toEqual([]);
    expect(decoded.values).toMatchObject({ aov: 42.46, freq: 2.35, retention: 38.3, margin: 40, years: 3 });
  });

  it('opens Retention vs Acquisition with churn and the expected active customers', () => {
    const decoded = decodeQuery(RETENTION_PARAMS, links.retention.split('?')[1] ?? '');
    expect(decoded.ignored).toEqual([]);
    // churn = 100 − 38.26 → 61.7; yearly margin 42.456 × 2.345 × 40 % = 39.82…
    expect(decoded.values).toMatchObject({
      customers: 812,
      churn: 61.7,
      churnWithProgram: 56.7,
      yearlyMargin: 39.82,
    });
  });

  it('contains nothing but aggregate figures', () => {
    expect(links.saleVsCustomer).not.toMatch(/customer_id|@/);
  });
});
