import { describe, expect, it } from 'vitest';
import { defaultOf } from '../../../src/lib/params';
import { parsePeriodParam, SUBSCRIPTION_PARAMS } from '../../../src/lib/subscription/params';
import { decodeQuery } from '../../../src/lib/url-codec';

describe('Subscriber value parameters (models.md §3 table)', () => {
  it('defaults as the spec lists them', () => {
    const defaults = Object.fromEntries(SUBSCRIPTION_PARAMS.map((spec) => [spec.key, defaultOf(spec)]));
    expect(defaults).toEqual({
      price: 30,
      margin: 70,
      churn: 8,
      discount: 10,
      years: 10,
      cac: 200,
      tenure: 1,
    });
  });

  it('ranges as the spec lists them', () => {
    const decoded = decodeQuery(
      SUBSCRIPTION_PARAMS,
      '?price=0&margin=101&years=2.5&tenure=601&cac=0&churn=100',
    );
    expect(decoded.ignored.map((entry) => entry.key)).toEqual(['price', 'margin', 'years', 'tenure']);
    expect(decoded.values).toMatchObject({ cac: 0, churn: 100, price: 30, tenure: 1 });
  });

  it('period is month or year, nothing else', () => {
    expect(parsePeriodParam('month')).toBe('month');
    expect(parsePeriodParam('year')).toBe('year');
    expect(parsePeriodParam('Month')).toBeNull();
    expect(parsePeriodParam('week')).toBeNull();
    expect(parsePeriodParam('<script>')).toBeNull();
  });
});
