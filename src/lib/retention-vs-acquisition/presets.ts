import type { Preset } from '../presets';

/**
 * Illustrative businesses for Retention vs Acquisition, the same six as Sale vs Customer's, with a simple
 * retention programme each. Plausible figures to start from, not industry averages.
 */
export const RETENTION_PRESETS: readonly Preset[] = [
  {
    id: 'cafe',
    name: 'Neighbourhood café',
    description: '1,500 regulars, 45\u00a0% drifting away a year; a $4 loyalty card keeps 7 in 100 more.',
    inputs: {
      customers: 1500,
      churn: 45,
      churnWithProgram: 38,
      programCost: 4,
      cac: 15,
      yearlyMargin: 360,
      years: 5,
    },
  },
  {
    id: 'online-shop',
    name: 'Online shop',
    description:
      '5,000 buyers, 70\u00a0% not returning; $3 of follow-up emails a buyer brings that to 62\u00a0%.',
    inputs: {
      customers: 5000,
      churn: 70,
      churnWithProgram: 62,
      programCost: 3,
      cac: 40,
      yearlyMargin: 58,
      years: 5,
    },
  },
  {
    id: 'subscription-box',
    name: 'Subscription box',
    description:
      '2,000 subscribers, 45\u00a0% cancelling a year; $20 of surprise extras cuts that to 35\u00a0%.',
    inputs: {
      customers: 2000,
      churn: 45,
      churnWithProgram: 35,
      programCost: 20,
      cac: 60,
      yearlyMargin: 168,
      years: 5,
    },
  },
  {
    id: 'software',
    name: 'Software subscription',
    description:
      '400 customers, 20\u00a0% not renewing; $120 a year of onboarding help brings that to 14\u00a0%.',
    inputs: {
      customers: 400,
      churn: 20,
      churnWithProgram: 14,
      programCost: 120,
      cac: 400,
      yearlyMargin: 470,
      years: 5,
    },
  },
  {
    id: 'agency',
    name: 'Design agency',
    description:
      '25 clients, 30\u00a0% not returning; $1,500 a year of account reviews keeps two more in ten.',
    inputs: {
      customers: 25,
      churn: 30,
      churnWithProgram: 20,
      programCost: 1500,
      cac: 3000,
      yearlyMargin: 5400,
      years: 5,
    },
  },
  {
    id: 'gym',
    name: 'Local gym',
    description:
      '800 members, 40\u00a0% leaving a year; $25 of check-in calls and classes brings that to 32\u00a0%.',
    inputs: {
      customers: 800,
      churn: 40,
      churnWithProgram: 32,
      programCost: 25,
      cac: 120,
      yearlyMargin: 378,
      years: 5,
    },
  },
];
