import type { Preset } from '../presets';

/**
 * Illustrative businesses for Sale vs Customer. Round, plausible figures to start from, not industry
 * averages: the page labels them as such.
 */
export const SALE_VS_CUSTOMER_PRESETS: readonly Preset[] = [
  {
    id: 'cafe',
    name: 'Neighbourhood café',
    description:
      '$7 a visit at a 65\u00a0% margin, regulars in about 80 times a year, just over half still coming a year on.',
    inputs: { aov: 7, margin: 65, freq: 80, retention: 55, discount: 10, years: 5, cac: 15, referrals: 0.3 },
  },
  {
    id: 'online-shop',
    name: 'Online shop',
    description: '$55 baskets at a 35\u00a0% margin, three orders a year, and most buyers never coming back.',
    inputs: { aov: 55, margin: 35, freq: 3, retention: 30, discount: 10, years: 5, cac: 40, referrals: 0.05 },
  },
  {
    id: 'subscription-box',
    name: 'Subscription box',
    description:
      'A $35 monthly box at a 40\u00a0% margin, just over half of subscribers still on it after a year.',
    inputs: { aov: 35, margin: 40, freq: 12, retention: 55, discount: 10, years: 5, cac: 60, referrals: 0.1 },
  },
  {
    id: 'software',
    name: 'Software subscription',
    description:
      'A $49 monthly plan at an 80\u00a0% margin, 80\u00a0% of customers renewing, and costly to win at $400.',
    inputs: {
      aov: 49,
      margin: 80,
      freq: 12,
      retention: 80,
      discount: 12,
      years: 7,
      cac: 400,
      referrals: 0.1,
    },
  },
  {
    id: 'agency',
    name: 'Design agency',
    description:
      'Three $4,000 projects a year at a 45\u00a0% margin, 70\u00a0% of clients returning, $3,000 to win one.',
    inputs: {
      aov: 4000,
      margin: 45,
      freq: 3,
      retention: 70,
      discount: 10,
      years: 7,
      cac: 3000,
      referrals: 0.3,
    },
  },
  {
    id: 'gym',
    name: 'Local gym',
    description:
      'A $45 monthly membership at a 70\u00a0% margin, 60\u00a0% of members renewing, $120 to sign one up.',
    inputs: {
      aov: 45,
      margin: 70,
      freq: 12,
      retention: 60,
      discount: 10,
      years: 5,
      cac: 120,
      referrals: 0.2,
    },
  },
];
