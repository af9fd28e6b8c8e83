import { describe, expect, it } from 'vitest';
import {
  chartCsv,
  residualTable,
  retentionChart,
  retentionTable,
  survivalChart,
  survivalTable,
} from '../../../src/lib/subscription/chart';
import {
  computeSubscription,
  type PeriodRow,
  type SubscriptionInputs,
  type SubscriptionResults,
} from '../../../src/lib/subscription/model';

/** A yearly plan with one churn rate of 10 % over three years: survival 1, 0.9, 0.81 (0.9ᵗ). */
const singleRate: SubscriptionInputs = {
  price: 10,
  margin: 100,
  period: 'year',
  churn: 10,
  cohorts: [],
  discount: 10,
  years: 3,
  cac: 0,
  tenure: 1,
};

/** α = β = 1 by hand: S(t) = 1/(t + 1), r(t) = t/(t + 1); counts reach t = 1 (half left). */
const HAND_FIT = { alpha: 1, beta: 1, logLikelihood: -1, converged: true };
function withHandFit(results: SubscriptionResults): SubscriptionResults {
  const rows: PeriodRow[] = results.rows.map((row, t) => ({
    ...row,
    actualSurvival: t === 0 ? 1 : t === 1 ? 0.5 : null,
    sbgSurvival: 1 / (t + 1),
    sbgRetention: t === 0 ? null : t / (t + 1),
    actualRetention: t === 1 ? 0.5 : null,
  }));
  return { ...results, fit: HAND_FIT, unfittable: null, rows };
}

const values = (chart: ReturnType<typeof survivalChart>) =>
  Object.fromEntries(
    chart.series.map((series) => [
      series.id,
      series.values.map((v) => (v === null ? null : Math.round(v * 100) / 100)),
    ]),
  );

describe('survivalChart and survivalTable', () => {
  it('without a fit: only the single-rate curve 0.9ᵗ, as the main line', () => {
    const results = computeSubscription(singleRate);
    const chart = survivalChart(results, 'en-US');
    expect(chart.labels).toEqual(['0', '1', '2']);
    expect(chart.xTitle).toBe('Years since joining');
    expect(chart.valueFormat).toEqual({ kind: 'percent' });
    expect(chart.series.map((s) => [s.id, s.role, s.label])).toEqual([
      ['single-rate', 'main', 'One churn rate (10% a year)'],
    ]);
    expect(values(chart)).toEqual({ 'single-rate': [100, 90, 81] });
    expect(survivalTable(results, 'en-US')).toEqual({
      caption: 'Share of a new cohort still subscribed, year by year',
      columns: [
        { label: 'Years since joining', numeric: true },
        { label: 'One churn rate (10% a year)', numeric: true },
      ],
      rows: [
        ['0', '100%'],
        ['1', '90%'],
        ['2', '81%'],
      ],
    });
  });

  it('with a fit: the counts as points (none beyond the data), the sBG curve, then the single rate', () => {
    const results = withHandFit(computeSubscription(singleRate));
    const chart = survivalChart(results, 'en-US');
    expect(chart.series.map((s) => [s.id, s.role])).toEqual([
      ['actual', 'observed'],
      ['sbg', 'main'],
      ['single-rate', 'comparison'],
    ]);
    expect(values(chart)).toEqual({
      actual: [100, 50, null],
      sbg: [100, 50, 33.33],
      'single-rate': [100, 90, 81],
    });
    expect(survivalTable(results, 'en-US').rows).toEqual([
      ['0', '100%', '100%', '100%'],
      ['1', '50%', '50%', '90%'],
      ['2', '–', '33.3%', '81%'],
    ]);
  });

  it('adds scenario B’s curve and runs to the longer horizon; A’s columns end with a dash', () => {
    const a = withHandFit(computeSubscription(singleRate));
    const b = withHandFit(computeSubscription({ ...singleRate, years: 4 }));
    const chart = survivalChart(a, 'en-US', b);
    expect(chart.labels).toEqual(['0', '1', '2', '3']);
    expect(chart.series.map((s) => [s.id, s.role, s.label])).toEqual([
      ['actual', 'observed', 'Your counts, scenario A'],
      ['sbg', 'main', 'Your cohort’s curve, scenario A'],
      ['scenario-b', 'alternative', 'Cohort’s curve, scenario B'],
      ['single-rate', 'comparison', 'One churn rate (10% a year), scenario A'],
    ]);
    expect(values(chart)['scenario-b']).toEqual([100, 50, 33.33, 25]);
    expect(survivalTable(a, 'en-US', b).rows[3]).toEqual(['3', '–', '–', '25%', '–']);
  });

  it('shows B’s single rate when B has no fit, and leaves out a B that bills by another period', () => {
    const a = withHandFit(computeSubscription(singleRate));
    const unfitted = computeSubscription({ ...singleRate, churn: 20 });
    expect(survivalChart(a, 'en-US', unfitted).series[2]).toMatchObject({
      id: 'scenario-b',
      label: 'One churn rate (20% a year), scenario B',
      role: 'alternative',
    });
    expect(values(survivalChart(a, 'en-US', unfitted))['scenario-b']).toEqual([100, 80, 64]);
    const monthly = computeSubscription({ ...singleRate, period: 'month' });
    const chart = survivalChart(a, 'en-US', monthly);
    expect(chart.series.map((s) => s.id)).toEqual(['actual', 'sbg', 'single-rate']);
    expect(chart.labels).toHaveLength(3);
  });

  it('names months on a monthly plan', () => {
    const monthly = computeSubscription({ ...singleRate, period: 'month', years: 1 });
    expect(survivalChart(monthly, 'en-US').xTitle).toBe('Months since joining');
    expect(survivalChart(monthly, 'en-US').labels).toHaveLength(12);
    expect(survivalTable(monthly, 'en-US').caption).toBe(
      'Share of a new cohort still subscribed, month by month',
    );
  });
});

describe('retentionChart and retentionTable', () => {
  it('without a fit: the flat 1 − c = 90 % from the first renewal on', () => {
    const chart = retentionChart(computeSubscription(singleRate), 'en-US');
    expect(chart.labels).toEqual(['1', '2']);
    expect(values(chart)).toEqual({ 'single-rate': [90, 90] });
  });

  it('with a fit: r(t) = t/(t + 1) rising, the counted rate where the counts reach, and the flat rate', () => {
    const results = withHandFit(computeSubscription(singleRate));
    const chart = retentionChart(results, 'en-US');
    expect(values(chart)).toEqual({ actual: [50, null], sbg: [50, 66.67], 'single-rate': [90, 90] });
    expect(retentionTable(results, 'en-US')).toEqual({
      caption: 'Share renewing at each renewal, of those still subscribed',
      columns: [
        { label: 'Years since joining', numeric: true },
        { label: 'Your counts', numeric: true },
        { label: 'Your cohort’s curve', numeric: true },
        { label: 'One churn rate (10% a year)', numeric: true },
      ],
      rows: [
        ['1', '50%', '50%', '90%'],
        ['2', '–', '66.7%', '90%'],
      ],
    });
  });
});

describe('residualTable', () => {
  // M = 10 a year, discounted at 100 % a year: x = ½
  const halfDiscount = { ...singleRate, discount: 100 };

  it('by hand for α = β = 1 at x = ½: 10 × Σ xᵏ/(k + 2) = 40 (ln 2 − ½) after one payment', () => {
    const table = residualTable(withHandFit(computeSubscription(halfDiscount)), 'USD', 'en-US');
    expect(40 * (Math.log(2) - 0.5)).toBeCloseTo(7.7259, 4);
    // after two: 10 × Σ 2xᵏ/(k + 3) = 160 (ln 2 − ½ − ⅛) = 10.90
    expect(160 * (Math.log(2) - 0.625)).toBeCloseTo(10.9035, 4);
    expect(table.columns.map((c) => c.label)).toEqual([
      'Years paid',
      'Chance they renew next',
      'Still worth, in today’s money',
    ]);
    expect(table.rows).toHaveLength(24);
    expect(table.rows[0]).toEqual(['1', '50%', '$7.73']);
    expect(table.rows[1]).toEqual(['2', '66.7%', '$10.90']);
  });

  it('adds a chosen tenure beyond the table’s, once', () => {
    const results = withHandFit(computeSubscription(halfDiscount));
    expect(residualTable(results, 'USD', 'en-US', 30).rows.at(-1)?.[0]).toBe('30');
    expect(residualTable(results, 'USD', 'en-US', 30).rows).toHaveLength(25);
    expect(residualTable(results, 'USD', 'en-US', 5).rows).toHaveLength(24);
  });

  it('a dash at a zero discount rate, and no rows without a fit', () => {
    const zero = withHandFit(computeSubscription({ ...singleRate, discount: 0 }));
    expect(residualTable(zero, 'USD', 'en-US').rows[0]).toEqual(['1', '50%', '–']);
    expect(residualTable(computeSubscription(singleRate), 'USD', 'en-US').rows).toEqual([]);
  });

  it('says in place of rows why there are none: no counts yet, or counts nobody cancelled in', () => {
    const noCounts = residualTable(computeSubscription(singleRate), 'USD', 'en-US');
    expect(noCounts.empty).toMatch(/^Add your cohort counts/);
    const nobodyLeft = computeSubscription({ ...singleRate, churn: null, cohorts: [[100, 100, 100]] });
    expect(nobodyLeft.fit).toBeNull();
    expect(residualTable(nobodyLeft, 'USD', 'en-US').empty).toMatch(/Nobody in these counts has cancelled/);
    const fitted = residualTable(withHandFit(computeSubscription(singleRate)), 'USD', 'en-US');
    expect(fitted.empty).toBeUndefined();
  });
});

describe('chartCsv', () => {
  it('holds the table’s rows as numbers: the period, then each curve in percent, empty where it stops', () => {
    const results = computeSubscription({ ...singleRate, churn: null, cohorts: [[1000, 500]] });
    const chart = survivalChart(results, 'en-US');
    const csv = chartCsv(chart);
    expect(csv.columns).toEqual(['Years since joining', ...chart.series.map((s) => `${s.label} (%)`)]);
    expect(csv.rows).toHaveLength(survivalTable(results, 'en-US').rows.length);
    // Year 1 of the counts: 500 of 1,000, i.e. 50 %; the counts stop after year 1.
    const observed = chart.series.findIndex((s) => s.role === 'observed');
    expect(csv.rows[1]?.[0]).toBe(1);
    expect(csv.rows[1]?.[observed + 1]).toBe(50);
    expect(csv.rows[2]?.[observed + 1]).toBeNull();
  });
});
