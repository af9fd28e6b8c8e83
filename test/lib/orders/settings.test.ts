import { describe, expect, it } from 'vitest';
import {
  calculatorLinks,
  checkCalibrationEnd,
  readCalibrationEnd,
  settingsQuery,
  writeCalibrationEnd,
} from '../../../src/lib/orders/settings';
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

describe('the calibration-end box', () => {
  // 2024-03-01 is day 19783; the first order here is on day 19780 (2024-02-27).
  it('accepts a real day on or after the first order', () => {
    expect(checkCalibrationEnd('2024-03-01', 19780)).toEqual({ ok: true, day: 19783 });
    expect(checkCalibrationEnd('2024-02-27', 19780)).toEqual({ ok: true, day: 19780 });
  });

  it('says why an empty box, a day that does not exist or one before the first order is refused', () => {
    expect(checkCalibrationEnd('', 19780)).toMatchObject({ ok: false, message: /Enter a date/ });
    expect(checkCalibrationEnd('2024-02-30', 19780)).toMatchObject({ ok: false, message: /real date/ });
    expect(checkCalibrationEnd('2024-02-26', 19780)).toMatchObject({
      ok: false,
      message: 'Enter a date on or after the first order, 2024-02-27.',
    });
  });
});

describe('settingsQuery', () => {
  it('writes the numbers always, and the calibration end and quarter cohorts only when chosen', () => {
    expect(settingsQuery({ horizon: 3, discount: 10, margin: 40 }, null, 'month')).toBe(
      'horizon=3&discount=10&margin=40',
    );
    expect(settingsQuery({ horizon: 5, discount: 7.5, margin: 55 }, 19783, 'quarter')).toBe(
      'horizon=5&discount=7.5&margin=55&calibrationEnd=2024-03-01&cohorts=quarter',
    );
  });
});
