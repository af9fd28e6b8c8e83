import type { ChartSeries, LineChartModel } from '../chart/line-chart-config';
import type { CurrencyCode } from '../currency';
import { formatMoney, formatNumber, formatPercent } from '../format';
import type { TableModel } from '../table';
import type { CsvTable } from '../csv';
import { RESIDUAL_TABLE_TENURES, residualValue, type PeriodRow, type SubscriptionResults } from './model';
import { sbgRetention } from './sbg';
import { NO_FIT } from './explain';

/** A dash for a cell with no value: beyond the data, or beyond a scenario's horizon. */
const NONE = '–';

/** A share (0.631) as the charts' percent number (63.1), keeping "no value" as null. */
const percentOf = (share: number | null): number | null => (share === null ? null : 100 * share);

/** What the cohort's periods are, as billed: months or years. */
export const periodOf = (results: SubscriptionResults): 'month' | 'year' =>
  results.periodsPerYear === 12 ? 'month' : 'year';
const periodWord = periodOf;

/** "Months since joining" or "Years since joining": what t counts. */
const sinceJoining = (results: SubscriptionResults) =>
  `${periodWord(results) === 'month' ? 'Months' : 'Years'} since joining`;

/**
 * Scenario B when its t counts the same periods as A's; a yearly B on a monthly axis would put year 3
 * at month 3, so then it is left out of the chart and table.
 */
function sameAxis(results: SubscriptionResults, scenarioB?: SubscriptionResults) {
  return scenarioB && scenarioB.periodsPerYear === results.periodsPerYear ? scenarioB : undefined;
}

/** One value of a row as the chart plots it, a percent number or null. */
type RowValue = (row: PeriodRow, results: SubscriptionResults) => number | null;

/** What a survival or retention chart plots from each scenario's rows. */
interface ChartValues {
  actual: RowValue;
  sbg: RowValue;
  singleRate: RowValue;
}

/**
 * A chart's series: the cohort's data as points and its sBG curve when there is a fit, then scenario B's
 * curve (its sBG curve, or its single rate when it has no fit), then the single-rate curve, which is the
 * main one when there is no fit.
 */
function seriesOf(
  results: SubscriptionResults,
  rows: (results: SubscriptionResults) => readonly PeriodRow[],
  values: ChartValues,
  locale: string,
  scenarioB?: SubscriptionResults,
): ChartSeries[] {
  const ofA = (name: string) => (scenarioB ? `${name}, scenario A` : name);
  const plot = (of: SubscriptionResults, value: RowValue) => rows(of).map((row) => value(row, of));
  const singleRateName = (of: SubscriptionResults) =>
    `One churn rate (${formatPercent(100 * of.churnRate, locale, 1)} a ${periodWord(of)})`;
  const series: ChartSeries[] = [];
  if (results.fit) {
    series.push(
      {
        id: 'actual',
        label: ofA('Your counts'),
        values: plot(results, values.actual),
        role: 'observed',
        colorVar: '--chart-ochre',
      },
      {
        id: 'sbg',
        label: ofA('Your cohort’s curve'),
        values: plot(results, values.sbg),
        role: 'main',
        colorVar: '--chart-customer',
      },
    );
  }
  if (scenarioB) {
    series.push({
      id: 'scenario-b',
      label: scenarioB.fit ? 'Cohort’s curve, scenario B' : `${singleRateName(scenarioB)}, scenario B`,
      values: plot(scenarioB, scenarioB.fit ? values.sbg : values.singleRate),
      role: 'alternative',
      colorVar: '--chart-alternative',
    });
  }
  series.push({
    id: 'single-rate',
    label: ofA(singleRateName(results)),
    values: plot(results, values.singleRate),
    role: results.fit ? 'comparison' : 'main',
    colorVar: '--chart-sale',
  });
  return series;
}

/** The t axis: 0 … N − 1 of whichever scenario runs longer (or 1 … N − 1 for renewals). */
function axisOf(
  results: SubscriptionResults,
  rows: (results: SubscriptionResults) => readonly PeriodRow[],
  scenarioB?: SubscriptionResults,
): string[] {
  const longer = scenarioB && rows(scenarioB).length > rows(results).length ? scenarioB : results;
  return rows(longer).map((row) => String(row.period));
}

const allRows = (results: SubscriptionResults) => results.rows;
/** Retention starts at the first renewal, t = 1. */
const renewalRows = (results: SubscriptionResults) => results.rows.slice(1);

const SURVIVAL_VALUES: ChartValues = {
  actual: (row) => percentOf(row.actualSurvival),
  sbg: (row) => percentOf(row.sbgSurvival),
  singleRate: (row) => 100 * row.constantSurvival,
};

const RETENTION_VALUES: ChartValues = {
  actual: (row) => percentOf(row.actualRetention),
  sbg: (row) => percentOf(row.sbgRetention),
  singleRate: (_row, results) => 100 * (1 - results.churnRate),
};

/**
 * The share of a new cohort still subscribed after t renewals, t = 0 … N − 1: the cohort's own counts as
 * points, the sBG curve through them and the single-rate curve (1 − c)ᵗ, in percent. Without a fit only the
 * single-rate curve. Scenario B adds its curve when it bills by the same period.
 */
export function survivalChart(
  results: SubscriptionResults,
  locale: string,
  scenarioB?: SubscriptionResults,
): LineChartModel {
  const b = sameAxis(results, scenarioB);
  return {
    labels: axisOf(results, allRows, b),
    xTitle: sinceJoining(results),
    yTitle: 'Share of the cohort still subscribed',
    tickStep: periodOf(results) === 'month' ? 12 : undefined,
    series: seriesOf(results, allRows, SURVIVAL_VALUES, locale, b),
    valueFormat: { kind: 'percent' },
    locale,
  };
}

/**
 * The share renewing at renewal t, of those still subscribed, t = 1 … N − 1: the sBG r(t), which rises with
 * tenure, the counts' own rates as points, and the single rate's flat 1 − c. Without a fit only the flat line.
 */
export function retentionChart(
  results: SubscriptionResults,
  locale: string,
  scenarioB?: SubscriptionResults,
): LineChartModel {
  const b = sameAxis(results, scenarioB);
  return {
    labels: axisOf(results, renewalRows, b),
    xTitle: sinceJoining(results),
    yTitle: 'Share renewing, of those still subscribed',
    tickStep: periodOf(results) === 'month' ? 12 : undefined,
    series: seriesOf(results, renewalRows, RETENTION_VALUES, locale, b),
    valueFormat: { kind: 'percent' },
    locale,
  };
}

/** A percent chart's numbers as a table: a row per label, a column per series, a dash where there is none. */
function tableOf(chart: LineChartModel, caption: string): TableModel {
  return {
    caption,
    columns: [
      { label: chart.xTitle, numeric: true },
      ...chart.series.map((series) => ({ label: series.label, numeric: true })),
    ],
    rows: chart.labels.map((label, index) => [
      formatNumber(Number(label), chart.locale, 0),
      ...chart.series.map((series) => {
        const value = series.values[index];
        return value === null || value === undefined ? NONE : formatPercent(value, chart.locale, 1);
      }),
    ]),
  };
}

/**
 * A chart's numbers for the CSV download: the period, then each curve's percentage unrounded (to 6 decimals,
 * far below anything a spreadsheet shows), empty where a curve has no value, as the table's rows run.
 */
export function chartCsv(chart: LineChartModel): CsvTable {
  return {
    columns: [chart.xTitle, ...chart.series.map((series) => `${series.label} (%)`)],
    rows: chart.labels.map((label, index) => [
      Number(label),
      ...chart.series.map((series) => {
        const value = series.values[index];
        return value === null || value === undefined ? null : Number(value.toFixed(6));
      }),
    ]),
  };
}

/** The survival chart's numbers, readable without the chart. */
export function survivalTable(
  results: SubscriptionResults,
  locale: string,
  scenarioB?: SubscriptionResults,
): TableModel {
  return tableOf(
    survivalChart(results, locale, scenarioB),
    `Share of a new cohort still subscribed, ${periodWord(results)} by ${periodWord(results)}`,
  );
}

/** The retention chart's numbers, readable without the chart. */
export function retentionTable(
  results: SubscriptionResults,
  locale: string,
  scenarioB?: SubscriptionResults,
): TableModel {
  return tableOf(
    retentionChart(results, locale, scenarioB),
    'Share renewing at each renewal, of those still subscribed',
  );
}

/**
 * What a current subscriber is still worth by how many periods they have paid for (RESIDUAL_TABLE_TENURES,
 * plus `chosenTenure` when it is beyond them), with their chance of renewing next, r(n). No rows without a
 * fit; a dash for the value at a zero discount rate, where it never settles.
 */
export function residualTable(
  results: SubscriptionResults,
  currency: CurrencyCode,
  locale: string,
  chosenTenure?: number,
): TableModel {
  const fit = results.fit;
  const w = results.periodDiscount / (1 + results.periodDiscount);
  const tenures =
    chosenTenure === undefined || RESIDUAL_TABLE_TENURES.includes(chosenTenure)
      ? RESIDUAL_TABLE_TENURES
      : [...RESIDUAL_TABLE_TENURES, chosenTenure];
  const paid = `${periodWord(results) === 'month' ? 'Months' : 'Years'} paid`;
  return {
    caption: 'What a current subscriber is still worth, by how long they have paid',
    columns: [
      { label: paid, numeric: true },
      { label: 'Chance they renew next', numeric: true },
      { label: 'Still worth, in today’s money', numeric: true },
    ],
    rows: fit
      ? tenures.map((tenure) => {
          const value = residualValue(fit, results.marginPerPayment, w, tenure);
          return [
            formatNumber(tenure, locale, 0),
            formatPercent(100 * sbgRetention(fit, tenure), locale, 1),
            value === null ? NONE : formatMoney(value, currency, locale),
          ];
        })
      : [],
    ...(fit ? {} : { empty: NO_FIT[results.unfittable ?? 'no-data'] }),
  };
}
