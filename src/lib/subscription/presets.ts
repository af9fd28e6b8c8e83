import type { Preset } from '../presets';

/**
 * Illustrative subscription businesses for Subscriber value: round prices and costs, and one cohort of
 * 1,000 each, made up to look like real counts (not industry averages; the page labels them as such). In
 * every one the share renewing rises with tenure, as it does in real cohorts, so the single churn rate
 * and the cohort's own curve disagree. `churn` is left out: the single rate comes from the counts.
 */
export const SUBSCRIPTION_PRESETS: readonly Preset[] = [
  {
    id: 'software',
    name: 'Software subscription',
    description:
      'A $49 monthly plan at an 80\u00a0% margin and $400 to win a customer; a year of one cohort, 90\u00a0% renewing at first.',
    inputs: { price: 49, margin: 80, discount: 10, years: 5, cac: 400, tenure: 12 },
    extras: { period: 'month', survival: '1000,899,817,750,693,645,603,566,534,506,481,458,437' },
  },
  {
    id: 'gym',
    name: 'Gym membership',
    description:
      'A $40 monthly membership at a 70\u00a0% margin and $100 to sign a member up; a year of members who joined together.',
    inputs: { price: 40, margin: 70, discount: 10, years: 5, cac: 100, tenure: 6 },
    extras: { period: 'month', survival: '1000,885,791,707,643,589,546,507,471,440,412,386,367' },
  },
  {
    id: 'meal-kit',
    name: 'Meal-kit box',
    description:
      'A $60 monthly box at a 30\u00a0% margin and $90 to win a customer; over a third cancel after the first box.',
    inputs: { price: 60, margin: 30, discount: 10, years: 3, cac: 90, tenure: 3 },
    extras: { period: 'month', survival: '1000,624,480,398,347,312,283,259,240,224,212' },
  },
  {
    id: 'association',
    name: 'Membership association',
    description:
      'A $150 yearly membership at a 60\u00a0% margin and $120 to recruit a member; eight years of one intake.',
    inputs: { price: 150, margin: 60, discount: 8, years: 15, cac: 120, tenure: 3 },
    extras: { period: 'year', survival: '1000,835,702,602,521,458,404,357,323' },
  },
];
