import type { FieldCopy } from '../fields';
import type { SaleVsCustomerKey } from './params';

/** Labels, units and help for the Sale vs Customer inputs, by URL key. */
export const SALE_VS_CUSTOMER_FIELDS = {
  aov: {
    key: 'aov',
    label: 'Average order value',
    unit: { kind: 'money', suffix: 'per order' },
    help: 'What a typical order comes to, before costs. Total sales divided by the number of orders is a good estimate.',
    step: 1,
  },
  margin: {
    key: 'margin',
    label: 'Gross margin',
    unit: { kind: 'percent', suffix: '% of order value' },
    help: 'The share of each order you keep after paying for the goods or the work itself. A shop buying at 60 and selling at 100 has a 40\u00a0% margin.',
    step: 1,
  },
  freq: {
    key: 'freq',
    label: 'Orders per year',
    unit: { kind: 'plain', suffix: 'orders per year' },
    help: 'How many times a customer who is still buying from you orders in a year. Weekly is 52, monthly 12, quarterly 4.',
    step: 1,
  },
  retention: {
    key: 'retention',
    label: 'Customers who come back',
    unit: { kind: 'percent', suffix: '% per year' },
    help: 'Out of 100 new customers who first bought from you in a year, how many bought again the next year. Use new customers’ rate: your whole customer list’s rate is higher, because long-standing regulars dominate it, and would overstate what a new customer is worth.',
    step: 1,
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
    help: 'How far ahead to count. Beyond five or ten years the forecast gets shaky, so a shorter horizon is the cautious choice.',
    step: 1,
  },
  cac: {
    key: 'cac',
    label: 'Cost to win a new customer',
    unit: { kind: 'money' },
    help: 'What you spend on marketing and selling to gain one new customer: that spend divided by the customers it brought in.',
    step: 5,
  },
  referrals: {
    key: 'referrals',
    label: 'Referrals',
    unit: { kind: 'plain', suffix: 'new customers referred per year' },
    help: 'New customers an active customer sends your way in a year. 0.1 means one referral for every ten customers each year. Leave at 0 if unsure.',
    step: 0.1,
  },
} as const satisfies Record<SaleVsCustomerKey, FieldCopy>;
