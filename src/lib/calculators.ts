/** The calculators the site offers, as listed on the home page and the calculators index. */
export interface CalculatorSummary {
  readonly href: string;
  readonly title: string;
  /** The question the calculator answers, in the reader's words. */
  readonly question: string;
  readonly summary: string;
}

export const CALCULATORS: readonly CalculatorSummary[] = [
  {
    href: '/calculators/sale-vs-customer/',
    title: 'Sale vs Customer',
    question: 'What is one customer worth next to the single sale they just made?',
    summary:
      'Enter your order value, margin, how often people buy and how many come back each year. See the value of one sale beside the lifetime value of the person who made it, year by year.',
  },
  {
    href: '/calculators/retention-vs-acquisition/',
    title: 'Retention vs Acquisition',
    question: 'Is it cheaper to keep the customers you have or to win new ones?',
    summary:
      'Enter how many customers you lose each year, with and without a retention programme, and what the programme and a new customer cost. See the yearly bill of both strategies, what keeping one customer costs next to winning one, and where the programme breaks even.',
  },
  {
    href: '/calculators/subscription/',
    title: 'Subscriber value',
    question: 'What is a subscriber really worth, and how far off is a single churn rate?',
    summary:
      'Enter your price, margin and churn rate, then the counts of one of your own cohorts. See what a new subscriber is worth on your cohort’s own curve beside what one churn rate says, and what a long-standing subscriber is still worth.',
  },
  {
    href: '/calculators/your-orders/',
    title: 'Your numbers from your orders',
    question: 'What do my own orders say about retention and lifetime value?',
    summary:
      'Give it an export of your orders. It measures how often customers buy and how many come back, shows your customers by the month they started, and forecasts what a new customer is worth, all in your browser.',
  },
];
