import type { FieldCopy } from '../fields';
import type { RetentionKey } from './params';

/** Labels, units and help for the Retention vs Acquisition inputs, by URL key. */
export const RETENTION_FIELDS = {
  customers: {
    key: 'customers',
    label: 'Active customers today',
    unit: { kind: 'plain', suffix: 'customers' },
    help: 'Everyone who has bought from you recently and would be expected to buy again.',
    step: 10,
  },
  churn: {
    key: 'churn',
    label: 'Customers lost each year',
    unit: { kind: 'percent', suffix: '% per year' },
    help: 'Out of 100 customers, how many stop buying within a year when you do nothing special to keep them. This is 100 minus your retention rate.',
    step: 1,
  },
  churnWithProgram: {
    key: 'churnWithProgram',
    label: 'Customers lost each year with the programme',
    unit: { kind: 'percent', suffix: '% per year' },
    help: 'The same share if you run a retention programme: follow-up calls, a loyalty scheme, better service. It cannot be more than the figure above.',
    step: 1,
  },
  programCost: {
    key: 'programCost',
    label: 'Programme cost per customer',
    unit: { kind: 'money', suffix: 'per customer per year' },
    help: 'What the programme costs you each year for every active customer, all in: staff time, rewards, software.',
    step: 1,
  },
  cac: {
    key: 'cac',
    label: 'Cost to win a new customer',
    unit: { kind: 'money' },
    help: 'Marketing and sales spend divided by the new customers it brought in.',
    step: 5,
  },
  yearlyMargin: {
    key: 'yearlyMargin',
    label: 'Yearly margin per customer',
    unit: { kind: 'money', suffix: 'per customer per year' },
    help: 'The gross margin an active customer brings in a year: what they spend, less what the goods or work cost you.',
    step: 10,
  },
  years: {
    key: 'years',
    label: 'Horizon',
    unit: { kind: 'plain', suffix: 'years' },
    help: 'How many years to add up the savings and follow today’s customers over.',
    step: 1,
  },
} as const satisfies Record<RetentionKey, FieldCopy>;
