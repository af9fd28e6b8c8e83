/**
 * The calibration/holdout check (../shared/docs/models.md §4): with a calibration end before the last
 * order day, the forecast of the weeks after it set against what the customers then did, as in Fader,
 * Hardie & Lee 2005 (their tracking chart, conditional expectations by frequency and frequency histogram).
 */
import {
  expectedPurchases,
  expectedPurchasesIfAlive,
  probabilityAlive,
  type BgnbdParams,
} from '../models/bgnbd';
import { DAYS_PER_WEEK, type BgnbdInput, type CustomerFacts } from '../history/history';
import { repeatProbability } from './repeat-distribution';

/** Calibration frequencies shown one by one; the last group is this many and more. */
export const FREQUENCY_GROUPS = 7;
/** Within this difference (percent) the verdict is that the forecast held. */
export const CLOSE_PERCENT = 10;
/** Beyond this difference (percent) the verdict is that it missed. */
export const MISSED_PERCENT = 25;

/** Data for a chart and its table: one label per point, one or more named series. */
export interface ChartData {
  readonly labels: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
}

export interface HoldoutCheck {
  /** Customers first seen by the calibration end: the ones checked. */
  readonly customers: number;
  /** Holdout length h*, weeks: from the calibration end to the last order day. */
  readonly holdoutWeeks: number;
  readonly holdoutRepeatActual: number;
  readonly holdoutRepeatPredicted: number;
  /** (predicted − actual) ÷ actual × 100; null when nothing was bought in the holdout. */
  readonly differencePercent: number | null;
  readonly verdict: string;
  /** Week starts (day numbers) of the tracking series, and the index of the week holding the calibration end. */
  readonly weekStarts: readonly number[];
  readonly calibrationWeek: number;
  /** Repeat purchases week by week: actual, model. */
  readonly weekly: ChartData;
  /** The same, summed from the first week. */
  readonly cumulative: ChartData;
  /** Mean holdout repeat purchases per customer by calibration frequency 0, 1, …, 7+: actual, model. */
  readonly byFrequency: ChartData & { readonly customers: readonly number[] };
  /** Customers by calibration frequency 0, 1, …, 7+: actual, model. */
  readonly frequencyHistogram: ChartData;
}

/** The labels 0, 1, …, 6, 7+. */
export const FREQUENCY_LABELS: readonly string[] = Array.from({ length: FREQUENCY_GROUPS + 1 }, (_, k) =>
  k === FREQUENCY_GROUPS ? `${k}+` : String(k),
);

/**
 * The check's verdict in words.
 * @example holdoutVerdict(5) // 'The forecast held: it was within 10 % of what happened (5 % too high).'
 */
export function holdoutVerdict(differencePercent: number | null): string {
  if (differencePercent === null)
    return 'Nobody bought again after the calibration end, so there is nothing to check the forecast against.';
  const size = Math.abs(differencePercent);
  const direction = `${Math.round(size)}\u00a0% too ${differencePercent > 0 ? 'high' : 'low'}`;
  if (size <= CLOSE_PERCENT)
    return `The forecast held: it was within ${CLOSE_PERCENT}\u00a0% of what happened (${direction}).`;
  if (size <= MISSED_PERCENT)
    return `The forecast was roughly right (${direction}): use its figures as a guide, not to the unit.`;
  return `The forecast missed by more than ${MISSED_PERCENT}\u00a0% (${direction}): treat the page’s figures with caution for this shop.`;
}

/**
 * The model's cumulative repeat purchases of a base of customers by calendar day:
 * Σ_i E[X(day − first_i)], the customers counted by first day. E[X] is worked out once per whole number of
 * days, so the sum is additions only.
 * @param firstDays - each customer's first purchase day, counted from the history's first day (≥ 0)
 * @param days - how many days to cover, from day 0
 * @returns cumulative[k] = expected repeat purchases by the end of day k
 */
export function modelCumulativeByDay(
  params: BgnbdParams,
  firstDays: ArrayLike<number>,
  days: number,
): Float64Array {
  const arrivals = new Float64Array(days);
  for (let index = 0; index < firstDays.length; index++) {
    const day = firstDays[index] ?? 0;
    if (day >= 0 && day < days) arrivals[day] = (arrivals[day] ?? 0) + 1;
  }
  const expected = Float64Array.from({ length: days }, (_, k) =>
    expectedPurchases(params, k / DAYS_PER_WEEK),
  );
  const cumulative = new Float64Array(days);
  for (let first = 0; first < days; first++) {
    const n = arrivals[first] ?? 0;
    if (n === 0) continue;
    for (let day = first; day < days; day++)
      cumulative[day] = (cumulative[day] ?? 0) + n * (expected[day - first] ?? 0);
  }
  return cumulative;
}

/**
 * The check for customers first seen by the calibration end.
 * @param customers - their calibration summaries (the fit's inputs)
 * @param facts - the history's facts about the same customers, in the same order
 * @param firstDay - the history's first order day; lastDay its last; calibrationEnd the day the fit stops
 * @returns null when the calibration end is not before the last order day (nothing to check)
 */
export function holdoutCheck(
  params: BgnbdParams,
  customers: readonly BgnbdInput[],
  facts: CustomerFacts,
  days: { readonly firstDay: number; readonly lastDay: number; readonly calibrationEnd: number },
): HoldoutCheck | null {
  const { firstDay, lastDay, calibrationEnd } = days;
  if (!(calibrationEnd < lastDay)) return null;
  const holdoutWeeks = (lastDay - calibrationEnd) / DAYS_PER_WEEK;
  const groups = FREQUENCY_GROUPS + 1;
  const groupCustomers = new Array<number>(groups).fill(0);
  const groupActual = new Array<number>(groups).fill(0);
  const groupExpected = new Array<number>(groups).fill(0);
  const ifAlive = new Map<string, number>();
  const ages = new Map<number, number>(); // T → customers, for the histogram
  let actual = 0;
  let predicted = 0;
  customers.forEach((customer, index) => {
    const key = `${customer.x} ${customer.T}`;
    let perAlive = ifAlive.get(key);
    if (perAlive === undefined) {
      perAlive = expectedPurchasesIfAlive(params, customer.x, customer.T, holdoutWeeks);
      ifAlive.set(key, perAlive);
    }
    const expected = perAlive * probabilityAlive(params, customer);
    const repeats = facts.holdoutRepeats[index] ?? 0;
    const group = Math.min(customer.x, FREQUENCY_GROUPS);
    groupCustomers[group]! += 1;
    groupActual[group]! += repeats;
    groupExpected[group]! += expected;
    actual += repeats;
    predicted += expected;
    ages.set(customer.T, (ages.get(customer.T) ?? 0) + 1);
  });
  const histogramModel = new Array<number>(groups).fill(0);
  for (const [T, count] of ages) {
    let below = 0;
    for (let x = 0; x < FREQUENCY_GROUPS; x++) {
      const probability = repeatProbability(params, x, T);
      histogramModel[x]! += count * probability;
      below += probability;
    }
    histogramModel[FREQUENCY_GROUPS]! += count * Math.max(0, 1 - below);
  }
  const differencePercent = actual > 0 ? ((predicted - actual) / actual) * 100 : null;
  const span = lastDay - firstDay + 1;
  const cumulativeByDay = modelCumulativeByDay(
    params,
    Int32Array.from(facts.firstDay, (day) => day - firstDay),
    span,
  );
  const weeks = Math.ceil(span / DAYS_PER_WEEK);
  const weekStarts = Array.from({ length: weeks }, (_, week) => firstDay + week * DAYS_PER_WEEK);
  const modelCumulative = weekStarts.map(
    (_, week) => cumulativeByDay[Math.min(span - 1, week * DAYS_PER_WEEK + DAYS_PER_WEEK - 1)] ?? 0,
  );
  const actualWeekly = weekStarts.map((_, week) => facts.repeatsByWeek[week] ?? 0);
  let running = 0;
  const actualCumulative = actualWeekly.map((value) => (running += value));
  const modelWeekly = modelCumulative.map((value, week) => value - (modelCumulative[week - 1] ?? 0));
  const labels = weekStarts.map((_, week) => String(week + 1));
  return {
    customers: customers.length,
    holdoutWeeks,
    holdoutRepeatActual: actual,
    holdoutRepeatPredicted: predicted,
    differencePercent,
    verdict: holdoutVerdict(differencePercent),
    weekStarts,
    calibrationWeek: Math.floor((calibrationEnd - firstDay) / DAYS_PER_WEEK),
    weekly: {
      labels,
      series: [
        { name: 'Actual', values: actualWeekly },
        { name: 'Model', values: modelWeekly },
      ],
    },
    cumulative: {
      labels,
      series: [
        { name: 'Actual', values: actualCumulative },
        { name: 'Model', values: modelCumulative },
      ],
    },
    byFrequency: {
      labels: FREQUENCY_LABELS,
      customers: groupCustomers,
      series: [
        {
          name: 'Actual',
          values: groupActual.map((sum, k) => (groupCustomers[k] ? sum / groupCustomers[k] : 0)),
        },
        {
          name: 'Model',
          values: groupExpected.map((sum, k) => (groupCustomers[k] ? sum / groupCustomers[k] : 0)),
        },
      ],
    },
    frequencyHistogram: {
      labels: FREQUENCY_LABELS,
      series: [
        { name: 'Actual', values: groupCustomers },
        { name: 'Model', values: histogramModel },
      ],
    },
  };
}

/**
 * The calibration end for the check: about two thirds into the history, so a third is left to compare.
 * @example checkCalibrationDay(0, 300) // 200
 */
export function checkCalibrationDay(firstDay: number, lastDay: number): number {
  return firstDay + Math.round(((lastDay - firstDay) * 2) / 3);
}
