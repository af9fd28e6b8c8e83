import { describe, expect, it } from 'vitest';
import {
  CALCULATOR_IDS,
  exampleInputProblems,
  exampleInputs,
  exampleLink,
  exampleResult,
  exampleSubscriptionInputs,
  type ArticleExample,
} from '../../../src/lib/articles/examples';
import { expectCloseTo } from '../tolerance';

// Fader & Hardie (2007), "How to Project Customer Retention": two cohorts of 1,000 followed for seven years.
const REGULAR = '1000,631,468,382,326,289,262,241';
const HIGH_END = '1000,869,743,653,593,551,517,491';

/** A subscription example with the figures the articles use: $100 a year at 70 % margin, 10 %, 10 years, $200. */
function subscription(inputs: ArticleExample['inputs']): ArticleExample {
  return {
    id: 'test',
    calculator: 'subscription',
    inputs: { price: 100, margin: 70, period: 'year', discount: 10, years: 10, cac: 200, ...inputs },
    quotes: [],
  };
}

describe('the calculators an article can quote', () => {
  it('include the subscription calculator', () => {
    expect(CALCULATOR_IDS).toEqual(['sale-vs-customer', 'retention-vs-acquisition', 'subscription']);
  });
});

describe('subscription examples: what the model is given', () => {
  it('with counts and no churn rate, one cohort and the single rate to come from the counts', () => {
    expect(exampleSubscriptionInputs(subscription({ survival: REGULAR }))).toEqual({
      price: 100,
      margin: 70,
      period: 'year',
      churn: null,
      cohorts: [[1000, 631, 468, 382, 326, 289, 262, 241]],
      discount: 10,
      years: 10,
      cac: 200,
      tenure: 1,
    });
  });

  it('with counts and a churn rate of its own, that rate', () => {
    const inputs = exampleSubscriptionInputs(subscription({ survival: REGULAR, churn: 10 }));
    expect(inputs.churn).toBe(10);
    expect(inputs.cohorts).toHaveLength(1);
  });

  it('without counts, the calculator’s defaults: monthly, 8 % churn, no cohorts', () => {
    const example: ArticleExample = { id: 'defaults', calculator: 'subscription', inputs: {}, quotes: [] };
    expect(exampleSubscriptionInputs(example)).toEqual({
      price: 30,
      margin: 70,
      period: 'month',
      churn: 8,
      cohorts: [],
      discount: 10,
      years: 10,
      cac: 200,
      tenure: 1,
    });
    expect(exampleInputs(example)).toEqual({
      price: 30,
      margin: 70,
      churn: 8,
      discount: 10,
      years: 10,
      cac: 200,
      tenure: 1,
      period: 'month',
    });
  });

  it('is only made for subscription examples', () => {
    const other: ArticleExample = { id: 'sale', calculator: 'sale-vs-customer', inputs: {}, quotes: [] };
    expect(() => exampleSubscriptionInputs(other)).toThrow(TypeError);
  });
});

describe('subscription examples: the results an article can quote', () => {
  it('the fit’s α, β and log-likelihood as Fader & Hardie (2007) publish them', () => {
    const regular = subscription({ survival: REGULAR });
    expect(exampleResult(regular, 'sbgAlpha')).toBeCloseTo(0.704, 3);
    expect(exampleResult(regular, 'sbgBeta')).toBeCloseTo(1.182, 3);
    expect(exampleResult(regular, 'sbgLogLikelihood')).toBeCloseTo(-1680.27, 2);
    const highEnd = subscription({ survival: HIGH_END });
    expect(exampleResult(highEnd, 'sbgAlpha')).toBeCloseTo(0.668, 3);
    expect(exampleResult(highEnd, 'sbgBeta')).toBeCloseTo(3.806, 3);
    expect(exampleResult(highEnd, 'sbgLogLikelihood')).toBeCloseTo(-1611.16, 2);
  });

  it('the single rate that meets the last count, as a percentage: 1 − (241/1000)^(1/7)', () => {
    const regular = subscription({ survival: REGULAR });
    expectCloseTo(exampleResult(regular, 'churnPercent'), 100 * (1 - Math.pow(0.241, 1 / 7)), 1e-12);
    expect(exampleResult(subscription({ survival: REGULAR, churn: 10 }), 'churnPercent')).toBe(10);
  });

  it('the single-rate value by hand: half stay, $100 now and $50 discounted a year', () => {
    // 1000 → 500: c = 0.5; two yearly payments of $100 margin: 100 + 100 × 0.5 ÷ 1.1.
    const halves = subscription({ price: 100, margin: 100, years: 2, survival: '1000,500' });
    expectCloseTo(exampleResult(halves, 'clvConstantChurn'), 100 + 50 / 1.1, 1e-12);
    expect(exampleResult(halves, 'churnPercent')).toBe(50);
    // With its own rate of 20 %: 100 + 80 ÷ 1.1.
    const own = subscription({ price: 100, margin: 100, years: 2, survival: '1000,500', churn: 20 });
    expectCloseTo(exampleResult(own, 'clvConstantChurn'), 100 + 80 / 1.1, 1e-12);
  });

  it('the values of the regular cohort, as an independent sum gives them', () => {
    // Expected values from a separate script (SciPy's Nelder–Mead on the sBG likelihood, then the sums
    // M Σ S(t) xᵗ and M Σ S(n + k)/S(n − 1) xᵏ over 3,000 periods), not from the code under test.
    const regular = subscription({ survival: REGULAR });
    expectCloseTo(exampleResult(regular, 'clv'), 218.4916, 1e-6);
    expectCloseTo(exampleResult(regular, 'clvLongRun'), 258.6436, 1e-6);
    expectCloseTo(exampleResult(regular, 'residualValue'), 207.5079, 1e-6);
    expectCloseTo(
      exampleResult(subscription({ survival: REGULAR, tenure: 7 }), 'residualValue'),
      460.2958,
      1e-6,
    );
    expectCloseTo(exampleResult(regular, 'clvConstantChurn'), 257.4817, 1e-6);
  });

  it('a monthly plan counts months: ten years are 120 periods', () => {
    const monthly: ArticleExample = { id: 'monthly', calculator: 'subscription', inputs: {}, quotes: [] };
    expect(exampleResult(monthly, 'horizonPeriods')).toBe(120);
    expect(exampleResult(monthly, 'periodsPerYear')).toBe(12);
    expect(exampleResult(subscription({}), 'horizonPeriods')).toBe(10);
  });

  it('without counts there is no fit, so its figures are not numbers to quote', () => {
    const example = subscription({ churn: 10 });
    expect(exampleResult(example, 'sbgAlpha')).toBeUndefined();
    expect(exampleResult(example, 'clv')).toBeUndefined();
    expect(exampleResult(example, 'rows')).toBeUndefined();
    expect(exampleResult(example, 'fit')).toBeUndefined();
  });
});

describe('subscription examples: the link that opens the calculator', () => {
  it('with counts and no churn rate: numbers, currency, period, then the counts with their commas', () => {
    expect(exampleLink(subscription({ survival: REGULAR }))).toBe(
      '/calculators/subscription/?price=100&margin=70&discount=10&years=10&cac=200&tenure=1&currency=USD' +
        '&period=year&survival=1000,631,468,382,326,289,262,241',
    );
  });

  it('with a churn rate of its own, that rate', () => {
    expect(exampleLink(subscription({ survival: HIGH_END, churn: 9.5, tenure: 5 }))).toBe(
      '/calculators/subscription/?price=100&margin=70&churn=9.5&discount=10&years=10&cac=200&tenure=5' +
        '&currency=USD&period=year&survival=1000,869,743,653,593,551,517,491',
    );
  });

  it('without counts: every number, the default churn rate included, and the monthly period', () => {
    const example: ArticleExample = { id: 'defaults', calculator: 'subscription', inputs: {}, quotes: [] };
    expect(exampleLink(example)).toBe(
      '/calculators/subscription/?price=30&margin=70&churn=8&discount=10&years=10&cac=200&tenure=1' +
        '&currency=USD&period=month',
    );
  });

  it('leaves the other calculators’ links as they were', () => {
    const sale: ArticleExample = {
      id: 'sale',
      calculator: 'sale-vs-customer',
      inputs: { aov: 45, retention: 70 },
      quotes: [],
    };
    expect(exampleLink(sale)).toBe(
      '/calculators/sale-vs-customer/?aov=45&margin=40&freq=4&retention=70&discount=10&years=10&cac=50' +
        '&referrals=0&currency=USD',
    );
  });
});

describe('example inputs the calculator would refuse', () => {
  it('accept the published cohorts, yearly or monthly', () => {
    expect(exampleInputProblems(subscription({ survival: REGULAR }))).toEqual([]);
    expect(exampleInputProblems(subscription({ survival: HIGH_END, period: 'month', tenure: 24 }))).toEqual(
      [],
    );
  });

  it.each([
    ['a period that is not month or year', { period: 'monthly' }, 'period must be month or year'],
    ['a period given as a number', { period: 12 }, 'period must be text, as the link writes it'],
    ['counts that rise', { survival: '1000,1100' }, 'survival: The count after renewal 1 is higher'],
    ['counts with spaces (a link has none)', { survival: '1000, 631' }, 'survival: “ 631” (count 2)'],
    ['a single count', { survival: '1000' }, 'survival: Enter at least two counts'],
    ['a first count of zero', { survival: '0,0' }, 'survival: The first count'],
    ['a number written as text', { price: '100' }, 'price must be a number'],
    ['a number out of range', { margin: 120 }, 'margin is out of range'],
    ['a whole number that is not whole', { tenure: 1.5 }, 'tenure is out of range'],
    ['a key the calculator does not have', { aov: 60 }, 'aov is not an input of subscription'],
  ])('report %s', (_, inputs, problem) => {
    const problems = exampleInputProblems(subscription(inputs));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it('keep the other calculators to numbers', () => {
    const sale: ArticleExample = {
      id: 'sale',
      calculator: 'sale-vs-customer',
      inputs: { aov: '45', period: 'year' },
      quotes: [],
    };
    expect(exampleInputProblems(sale)).toEqual([
      'aov must be a number',
      'period is not an input of sale-vs-customer',
    ]);
  });
});
