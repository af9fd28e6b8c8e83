import { describe, expect, it } from 'vitest';
import { unitLabel } from '../../../src/lib/fields';
import {
  PERIOD_LABELS,
  SURVIVAL_COPY,
  subscriptionFields,
  subscriptionLabel,
} from '../../../src/lib/subscription/fields';
import { SUBSCRIPTION_PARAMS } from '../../../src/lib/subscription/params';

describe('subscriptionFields', () => {
  it.each(['month', 'year'] as const)('covers every input, keyed by itself (%s)', (period) => {
    const fields = subscriptionFields(period);
    expect(Object.keys(fields).sort()).toEqual(SUBSCRIPTION_PARAMS.map((spec) => spec.key).sort());
    for (const [key, field] of Object.entries(fields)) {
      expect(field.key).toBe(key);
      expect(field.help.length).toBeGreaterThan(40);
      expect(field.step).toBeGreaterThan(0);
    }
  });

  it('names the billing period in the units', () => {
    const units = (period: 'month' | 'year') =>
      Object.fromEntries(
        Object.values(subscriptionFields(period)).map((field) => [
          field.key,
          unitLabel(field.unit, 'USD', 'en-US'),
        ]),
      );
    expect(units('month')).toEqual({
      price: '$ per month',
      margin: '% of each payment',
      churn: '% per month',
      discount: '% per year',
      years: 'years',
      cac: '$',
      tenure: 'months paid',
    });
    expect(units('year')).toMatchObject({ price: '$ per year', churn: '% per year', tenure: 'years paid' });
  });

  it('steps a monthly churn rate by half a point, a yearly one by a whole point', () => {
    expect(subscriptionFields('month').churn.step).toBe(0.5);
    expect(subscriptionFields('year').churn.step).toBe(1);
  });
});

describe('subscriptionLabel', () => {
  it('names the numeric inputs, the period, the counts and the currency', () => {
    expect(subscriptionLabel('churn')).toBe('Subscribers who cancel');
    expect(subscriptionLabel('period')).toBe('Billing period');
    expect(subscriptionLabel('survival')).toBe(SURVIVAL_COPY.label);
    expect(subscriptionLabel('currency')).toBe('Currency');
    expect(subscriptionLabel('unknown')).toBe('unknown');
  });

  it('labels the two billing periods', () => {
    expect(PERIOD_LABELS).toEqual({ month: 'Monthly', year: 'Yearly' });
  });

  it('gives the counts’ limits in the help', () => {
    expect(SURVIVAL_COPY.help).toContain('2 to 61');
  });
});
