// The registry of the site's calculators: every text a page, an embed, an article's embed, a card or a link
// preview shows about a calculator, by id. The pages under src/pages/calculators/ and src/pages/embed/ are
// made from it (CalculatorPage.astro, EmbedPage.astro); each page file only places its islands, which Astro
// needs imported by name to hydrate. The models' side of the registry is calculator-models.ts.
import { CALCULATOR_IDS, calculatorPath, type CalculatorId } from './calculator-ids';

export { CALCULATOR_IDS, type CalculatorId };

/** The calculators the site offers, as listed on the home page and the calculators index. */
export interface CalculatorSummary {
  readonly href: string;
  readonly title: string;
  /** The question the calculator answers, in the reader's words. */
  readonly question: string;
  readonly summary: string;
}

/** One bar of a calculator's link-preview illustration: its height (0–1) and colour. */
export interface PreviewBar {
  readonly value: number;
  readonly tone: 'brand' | 'accent';
}

/** Everything the site says about one calculator, outside the calculator itself. */
export interface CalculatorEntry extends CalculatorSummary {
  readonly id: CalculatorId;
  /** The full page's <title> and meta description. */
  readonly pageTitle: string;
  readonly description: string;
  /** The paragraph under the full page's heading. */
  readonly lede: string;
  /** The embed page's heading and meta description. */
  readonly embedHeading: string;
  readonly embedDescription: string;
  /** The chart both the full page and the embed show: its section's heading and how to read it. */
  readonly chart: { readonly heading: string; readonly intro: string };
  /** What the full page adds to the calculator embedded in an article, e.g. "the chart and how it works". */
  readonly articleMore: string;
  /** The link preview's illustration. */
  readonly previewBars: readonly PreviewBar[];
}

const bars = (tones: string, values: readonly number[]): PreviewBar[] =>
  values.map((value, i) => ({ value, tone: tones[i] === 'a' ? 'accent' : 'brand' }));

export const CALCULATOR_REGISTRY: { readonly [Id in CalculatorId]: CalculatorEntry } = {
  'sale-vs-customer': {
    id: 'sale-vs-customer',
    href: calculatorPath('sale-vs-customer'),
    title: 'Sale vs Customer',
    question: 'What is one customer worth next to the single sale they just made?',
    summary:
      'Enter your order value, margin, how often people buy and how many come back each year. See the value of one sale beside the lifetime value of the person who made it, year by year.',
    pageTitle: 'Sale vs Customer calculator',
    description:
      'Put the value of one sale beside the lifetime value of the customer who made it, with your own order value, margin, frequency and retention.',
    lede: 'A first order tells you little about what the person who placed it is worth. Enter your own figures to see one sale beside the customer who made it: what they bring over the years, what is left after the cost of winning them, and how soon they pay it back.',
    embedHeading: 'Sale vs Customer: what is one customer worth?',
    embedDescription:
      'Put the value of one sale beside the lifetime value of the customer who made it, with your own order value, margin, frequency and retention.',
    chart: {
      heading: 'How the value builds up, year by year',
      intro:
        'The curve is the customer’s running total in today’s money; the flat line is what you would have if they bought once and never came back. Where the curve crosses the dashed line, they have paid back the cost of winning them.',
    },
    articleMore: 'the year-by-year chart and how it works',
    // A sale beside a customer's growing value.
    previewBars: bars('abbbbb', [0.18, 0.36, 0.53, 0.69, 0.85, 1]),
  },
  'retention-vs-acquisition': {
    id: 'retention-vs-acquisition',
    href: calculatorPath('retention-vs-acquisition'),
    title: 'Retention vs Acquisition',
    question: 'Is it cheaper to keep the customers you have or to win new ones?',
    summary:
      'Enter how many customers you lose each year, with and without a retention programme, and what the programme and a new customer cost. See the yearly bill of both strategies, what keeping one customer costs next to winning one, and where the programme breaks even.',
    pageTitle: 'Retention vs Acquisition calculator',
    description:
      'Is it cheaper to keep the customers you have or to win new ones? Compare the yearly cost of a retention programme with the cost of replacing the customers you lose.',
    lede: 'Every customer who drifts away has to be replaced if the business is to stay the same size. A retention programme costs money too. The starting figures are illustrative: put in your own to see which costs more, what keeping one customer costs next to winning one, and what happens to today’s customers over the years.',
    embedHeading: 'Retention vs Acquisition: keep customers or win new ones?',
    embedDescription:
      'Is it cheaper to keep the customers you have or to win new ones? Compare the yearly cost of a retention programme with the cost of replacing the customers you lose.',
    chart: {
      heading: 'Today’s customers, year by year',
      intro:
        'Follow the customers you have today, with nobody replaced: how many are still buying each year without the programme, and how many with it. The gap between the lines is the customers the programme keeps.',
    },
    articleMore: 'the chart, the claims panel and how it works',
    // Keeping beside replacing.
    previewBars: bars('ababab', [1, 0.46, 0.82, 0.4, 0.66, 0.34]),
  },
  subscription: {
    id: 'subscription',
    href: calculatorPath('subscription'),
    title: 'Subscriber value',
    question: 'What is a subscriber really worth, and how far off is a single churn rate?',
    summary:
      'Enter your price, margin and churn rate, then the counts of one of your own cohorts. See what a new subscriber is worth on your cohort’s own curve beside what one churn rate says, and what a long-standing subscriber is still worth.',
    pageTitle: 'Subscriber value calculator',
    description:
      'What a subscriber is worth from your own cohort counts, beside what a single churn rate says, and what a long-standing subscriber is still worth.',
    lede: 'The usual answer, margin divided by churn, treats every subscriber as equally likely to leave. They are not: the fickle ones go first and the ones who stay grow loyal. Start with a churn rate, then give the counts of one of your own cohorts to see what a subscriber is really worth and how far the single rate is off.',
    embedHeading: 'Subscriber value: what is one subscriber worth?',
    embedDescription:
      'What a subscriber is worth from your own cohort counts, beside what a single churn rate says.',
    chart: {
      heading: 'Who is still subscribed, renewal by renewal',
      intro:
        'The curve of a single churn rate, and with your cohort’s counts, those counts as points and the model fitted to them as a solid curve carried on to the horizon. Where the two curves part, the single rate misprices your subscribers.',
    },
    articleMore:
      'the survival and retention charts, a current subscriber’s value by tenure, and how it works',
    // A cohort thinning fast at first, then slowly: the loyal ones stay.
    previewBars: bars('bbbbba', [1, 0.63, 0.47, 0.38, 0.33, 0.29]),
  },
};

/** The registry's entries in the order the site lists them. */
export const CALCULATOR_ENTRIES: readonly CalculatorEntry[] = CALCULATOR_IDS.map(
  (id) => CALCULATOR_REGISTRY[id],
);

/** Every calculator card the site shows: the registry's calculators, then the orders page. */
export const CALCULATORS: readonly CalculatorSummary[] = [
  ...CALCULATOR_ENTRIES,
  {
    href: '/calculators/your-orders/',
    title: 'Your numbers from your orders',
    question: 'What do my own orders say about retention and lifetime value?',
    summary:
      'Give it an export of your orders. It measures how often customers buy and how many come back, shows your customers by the month they started, and forecasts what a new customer is worth, all in your browser.',
  },
];
