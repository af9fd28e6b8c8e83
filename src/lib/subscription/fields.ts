import { labelLookup, type FieldCopy } from '../fields';
import type { BillingPeriod } from './model';
import { PERIOD_KEY, SURVIVAL_KEY, type SubscriptionKey } from './params';
import { SURVIVAL_MAX_COUNTS, SURVIVAL_MIN_COUNTS } from './survival-input';

/** The billing period as the form's choice names it. */
export const PERIOD_LABELS: Record<BillingPeriod, string> = { month: 'Monthly', year: 'Yearly' };

/**
 * Labels, units and help for the Subscriber value inputs, by URL key. Units and help name the billing
 * period, so a yearly plan reads "per year" throughout.
 * @example subscriptionFields('year').churn.unit // { kind: 'percent', suffix: '% per year' }
 */
export function subscriptionFields(period: BillingPeriod): Record<SubscriptionKey, FieldCopy> {
  const per = `per ${period}`;
  const periods = `${period}s`;
  return {
    price: {
      key: 'price',
      label: 'Subscription price',
      unit: { kind: 'money', suffix: per },
      help: `What one subscriber pays you each ${period}, before your costs: the price they actually pay, after any introductory offer.`,
      step: 1,
    },
    margin: {
      key: 'margin',
      label: 'Gross margin',
      unit: { kind: 'percent', suffix: '% of each payment' },
      help: 'The share of each payment you keep after the cost of serving it: the goods, delivery, hosting, payment fees.',
      step: 1,
    },
    churn: {
      key: 'churn',
      label: 'Subscribers who cancel',
      unit: { kind: 'percent', suffix: `% ${per}` },
      help: 'Out of 100 subscribers due to renew, how many cancel instead. This is the single-rate view: one rate for everyone, at every renewal. With cohort counts above and no rate typed here, it is the one rate that runs from your first count to your last.',
      // monthly rates are small (2–10 %), so half a point is a real change; yearly ones move by whole points
      step: period === 'month' ? 0.5 : 1,
    },
    discount: {
      key: 'discount',
      label: 'Discount rate',
      unit: { kind: 'percent', suffix: '% per year' },
      help: 'How much less you value money that arrives a year later. Your cost of borrowing is a fair choice; 8–12\u00a0% is common for a small firm.',
      step: 1,
    },
    years: {
      key: 'years',
      label: 'Horizon',
      unit: { kind: 'plain', suffix: 'years' },
      help: 'How far ahead to count payments. The further out, the more the answer rests on the curve rather than on your counts.',
      step: 1,
    },
    cac: {
      key: 'cac',
      label: 'Cost to win a subscriber',
      unit: { kind: 'money' },
      help: 'What you spend on marketing, trials and sign-up offers to gain one paying subscriber: that spend divided by the subscribers it brought in.',
      step: 5,
    },
    tenure: {
      key: 'tenure',
      label: 'Payments already made',
      unit: { kind: 'plain', suffix: `${periods} paid` },
      help: `For the value of a subscriber you already have: how many ${periods} they have paid for so far. Someone who has stayed this long is likelier to stay on.`,
      step: 1,
    },
  };
}

/** The cohort-counts box: one group of subscribers who joined together, followed renewal by renewal. */
export const SURVIVAL_COPY = {
  label: 'Your cohort’s counts',
  help: `Take the subscribers who joined in one month (or year) and write how many there were at the start, then how many were still paying after each renewal: N₀, N₁, N₂ and so on. Separate the counts with commas or put each on its own line. The counts never rise; give ${SURVIVAL_MIN_COUNTS} to ${SURVIVAL_MAX_COUNTS} of them.`,
} as const;

const fieldLabel = labelLookup(subscriptionFields('month'));

/** Names a Subscriber value input by its URL key, for messages; labels do not depend on the period. */
export function subscriptionLabel(key: string): string {
  if (key === PERIOD_KEY) return 'Billing period';
  if (key === SURVIVAL_KEY) return SURVIVAL_COPY.label;
  return fieldLabel(key);
}
