/**
 * The history step's charts as data: the cohorts as retention curves, and revenue per customer by age.
 */
import type { CurrencyCode } from '../../currency';
import { formatNumber } from '../../format';
import { monthIndex } from '../import/dates';
import {
  periodIndex,
  periodLabel,
  type CohortRow,
  type CohortTable,
  type ValueAtAge,
} from '../history/history';
import { formatValue, type OrdersChartData } from './chart-data';
import { SERIES_COLOR_VARS } from './chart-config';

/** The most curves on the chart: one per colour, so no two share one, and a tangle stays readable. */
export const MAX_CURVES: number = SERIES_COLOR_VARS.length;

/** How cohorts are pooled into curves: as they are, by quarter, by year, or by spans of years. */
export type CurveGrouping = 'month' | 'quarter' | 'year' | 'years';

/** One curve: the customers who first bought in a group of periods, and the share buying at each age. */
export interface RetentionCurve {
  /** "2024-03", "2024-Q1", "2024" or "2015–2016". */
  readonly label: string;
  readonly customers: number;
  /**
   * From age 0, the share of customers with an order at each age (0..1), pooling the group's cohorts old
   * enough for the age; it ends at the first age too few customers have reached.
   */
  readonly shares: readonly number[];
}

/** The curves, how the cohorts were pooled, and whether the unfinished last period was left out. */
export interface RetentionCurves {
  readonly grouping: CurveGrouping;
  readonly curves: readonly RetentionCurve[];
  readonly droppedLastPeriod: boolean;
}

/** A cohort's counts up to its last complete period. */
interface Counted {
  readonly month: number;
  readonly label: string;
  readonly size: number;
  readonly active: readonly number[];
}

/**
 * Whole periods only: when the history ends inside its last period, every cohort's count for that period
 * is short (a month seen for 12 days), so it is dropped rather than drawn as a false fall.
 */
function completePeriods(table: CohortTable): { rows: Counted[]; dropped: boolean } {
  const youngest = table.rows.at(-1);
  if (!youngest) return { rows: [], dropped: false };
  const lastPeriod = periodIndex(youngest.start, table.period) + youngest.active.length - 1;
  const reachesLast = (row: CohortRow) =>
    periodIndex(row.start, table.period) + row.active.length - 1 === lastPeriod;
  const dropped = !table.lastPeriodComplete;
  const rows = table.rows
    .map((row) => ({
      month: monthIndex(row.start),
      label: row.label,
      size: row.size,
      active: dropped && reachesLast(row) ? row.active.slice(0, -1) : row.active,
    }))
    .filter((row) => row.active.length > 0);
  return { rows, dropped };
}

/** The key and label of a cohort's group at a grouping (for 'years', `span` years a group). */
function groupOf(row: Counted, grouping: CurveGrouping, firstYear: number, span: number): string {
  const year = 1970 + Math.floor(row.month / 12);
  switch (grouping) {
    case 'month':
      return row.label;
    case 'quarter':
      return periodLabel(Math.floor(row.month / 3), 'quarter');
    case 'year':
      return String(year);
    case 'years': {
      const from = firstYear + Math.floor((year - firstYear) / span) * span;
      return `${from}–${from + span - 1}`;
    }
  }
}

/**
 * The fewest customers a point may stand on: the oldest ages are seen only in the first cohorts, and a
 * share of three customers drawn beside shares of hundreds reads as a trend. A group smaller than this
 * keeps the ages all its customers have reached.
 */
export const MIN_CUSTOMERS_PER_POINT = 20;

/** Whether a point that pools `observed` of a group's `customers` is drawn. */
export function enoughCustomers(observed: number, customers: number): boolean {
  return observed >= Math.min(MIN_CUSTOMERS_PER_POINT, customers);
}

/** Cohorts pooled into curves: each cohort's customers and orders added into its group's. */
function pool(rows: readonly Counted[], key: (row: Counted) => string): RetentionCurve[] {
  const groups = new Map<string, Counted[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups].map(([label, members]) => {
    const customers = members.reduce((sum, row) => sum + row.size, 0);
    const shares: number[] = [];
    // Fewer cohorts reach each older age, so the customers seen only fall: stop at the first age too few saw.
    for (let age = 0; ; age++) {
      const reached = members.filter((row) => row.active.length > age);
      const observed = reached.reduce((sum, row) => sum + row.size, 0);
      if (reached.length === 0 || !enoughCustomers(observed, customers)) break;
      shares.push(reached.reduce((sum, row) => sum + (row.active[age] ?? 0), 0) / observed);
    }
    return { label, customers, shares };
  });
}

/**
 * The cohorts as at most {@link MAX_CURVES} retention curves: the finest of month, quarter, year or span
 * of years that gives no more curves than that (quarterly cohorts start at quarters). A group's share at
 * an age pools only its cohorts that have reached the age, so every point is a share of customers seen;
 * a curve ends where fewer than {@link MIN_CUSTOMERS_PER_POINT} customers have reached the age.
 *
 * @example Two monthly cohorts, 2024-01 (10 customers, active [10, 4]) and 2024-02 (5, [5, 1]), are two
 * curves [1, 0.4] and [1, 0.2]; pooled by quarter they are one, 2024-Q1: [15/15, 5/15].
 */
export function retentionCurves(table: CohortTable, maxCurves: number = MAX_CURVES): RetentionCurves {
  const { rows, dropped } = completePeriods(table);
  const firstYear = 1970 + Math.floor((rows[0]?.month ?? 0) / 12);
  const levels: CurveGrouping[] =
    table.period === 'month' ? ['month', 'quarter', 'year'] : ['quarter', 'year'];
  for (const grouping of levels) {
    const curves = pool(rows, (row) => groupOf(row, grouping, firstYear, 1));
    if (curves.length <= maxCurves) return { grouping, curves, droppedLastPeriod: dropped };
  }
  const lastYear = 1970 + Math.floor((rows.at(-1)?.month ?? 0) / 12);
  const span = Math.ceil((lastYear - firstYear + 1) / maxCurves);
  return {
    grouping: 'years',
    curves: pool(rows, (row) => groupOf(row, 'years', firstYear, span)),
    droppedLastPeriod: dropped,
  };
}

const GROUPING_WORDS: Record<CurveGrouping, string> = {
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  years: 'span of years',
};

const plural = (count: number, word: string) => `${word}${count === 1 ? '' : 's'}`;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The retention curves as an orders chart: the percent of each group buying in each period after the one
 * of their first order. Age 0 is left out: every customer buys then, and its 100 % would squeeze the
 * curves into the bottom of the chart.
 */
export function retentionChart(table: CohortTable, locale: string): OrdersChartData {
  const { grouping, curves, droppedLastPeriod } = retentionCurves(table);
  const period = table.period;
  const drawn = curves.filter((curve) => curve.shares.length > 1);
  const ages = Math.max(0, ...drawn.map((curve) => curve.shares.length - 1));
  const count = (value: number) => formatNumber(value, locale, 0);
  const percent = (share: number) => formatValue(100 * share, { kind: 'percent' }, locale);
  const name = (curve: RetentionCurve) =>
    `${curve.label} (${count(curve.customers)} ${plural(curve.customers, 'customer')})`;
  const describe = (curve: RetentionCurve) => {
    const last = curve.shares.length - 1;
    const next = curve.shares[1];
    if (next === undefined) return `${name(curve)}: too recent for a whole ${period} after the first.`;
    const later =
      last > 1 ? `, and ${percent(curve.shares[last] ?? 0)} ${last} ${plural(last, period)} on` : '';
    return `${name(curve)}: ${percent(next)} bought in the ${period} after their first${later}.`;
  };
  const intro =
    drawn.length === 0
      ? `No customer has a whole ${period} after the one of their first order yet, so there is no curve to draw.`
      : grouping === period
        ? `One line per ${period} of first order.`
        : `The ${period}ly cohorts above are pooled into one line per ${GROUPING_WORDS[grouping]} of first order, so the lines stay readable.`;
  const notes = [
    `Each line ends where fewer than ${MIN_CUSTOMERS_PER_POINT} of its customers have been seen that long.`,
    droppedLastPeriod ? `The last ${period}, not yet over, is left out.` : '',
  ];
  return {
    title: `Share of customers buying, by ${period}s since their first order`,
    labels: Array.from({ length: ages }, (_, age) => String(age + 1)),
    series: drawn.map((curve) => ({
      name: name(curve),
      values: Array.from({ length: ages }, (_, age) => {
        const share = curve.shares[age + 1];
        return share === undefined ? null : 100 * share;
      }),
      style: 'line',
    })),
    x: { title: `${capitalise(period)}s since the first order` },
    y: { title: 'Customers who bought (%)', unit: { kind: 'percent' } },
    summary: [intro, ...curves.map(describe), ...(drawn.length > 0 ? notes : [])].filter(Boolean).join(' '),
    locale,
  };
}

/**
 * Revenue per customer to date by age (the history's figure), with how many customers each age pools, up
 * to the last age seen by enough customers (see {@link MIN_CUSTOMERS_PER_POINT}).
 */
export function valueByAgeChart(
  allPoints: readonly ValueAtAge[],
  period: CohortTable['period'],
  currency: CurrencyCode,
  locale: string,
): OrdersChartData {
  const everyone = allPoints[0]?.customers ?? 0;
  const points = allPoints.filter((point) => enoughCustomers(point.customers, everyone));
  const unit = { kind: 'money', currency } as const;
  const money = (value: number) => formatValue(value, unit, locale);
  const count = (value: number) => formatNumber(value, locale, 0);
  const first = points[0];
  const last = points.at(-1);
  const yearOn = points[period === 'month' ? 12 : 4];
  const summary =
    first && last
      ? [
          `A customer brought ${money(first.revenuePerCustomer)} on average in the ${period} of their first order`,
          yearOn && yearOn !== last ? `, ${money(yearOn.revenuePerCustomer)} by a year later` : '',
          last !== first
            ? ` and ${money(last.revenuePerCustomer)} by ${last.age} ${plural(last.age, period)} on`
            : '',
          `. Each age averages the customers who have reached it: ${count(first.customers)} at the start`,
          last !== first ? `, ${count(last.customers)} at ${last.age}` : '',
          points.length < allPoints.length
            ? `; older ages, seen by fewer than ${MIN_CUSTOMERS_PER_POINT}, are left out.`
            : '.',
          // A fall is not money given back: the older ages are the earlier cohorts only.
          points.some(
            (point, index) =>
              index > 0 && point.revenuePerCustomer < (points[index - 1]?.revenuePerCustomer ?? 0),
          )
            ? ' Where the line falls, that age averages fewer, earlier customers: no one customer’s revenue to date ever falls.'
            : '',
        ].join('')
      : 'There are no customers to show.';
  return {
    title: `Revenue per customer to date, by ${period}s since their first order`,
    labels: points.map((point) => String(point.age)),
    series: [
      {
        name: 'Revenue per customer',
        values: points.map((point) => point.revenuePerCustomer),
        style: 'line',
      },
    ],
    x: { title: `${capitalise(period)}s since the first order` },
    y: { title: `Revenue per customer (${currency})`, unit },
    columns: [
      { name: 'Customers observed', values: points.map((point) => point.customers), unit: { kind: 'count' } },
    ],
    summary,
    locale,
  };
}
