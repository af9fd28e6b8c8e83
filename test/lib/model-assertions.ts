// What the calculators' model tests assert again and again: every scalar result of a hand calculation, every
// field of every row, and the fast-check settings and number generators they share.
import fc from 'fast-check';
import { expect } from 'vitest';
import { expectCloseTo } from './tolerance';

/** fast-check runs per property in the model tests. */
export const RUNS = { numRuns: 300 };

/** Slack for comparisons that hold exactly in real numbers and to within rounding in doubles. */
export const ROUNDING = 1e-12;

/**
 * fc.double spreads its values evenly over the doubles, so most fall below 1e-100; mixing in everyday
 * values keeps realistic inputs well covered while the full range stays in play.
 */
export function inRange(min: number, max: number, everyday: fc.Arbitrary<number>): fc.Arbitrary<number> {
  return fc.oneof(fc.double({ min, max, noNaN: true }), everyday);
}

/**
 * Checks every result `expected` names: nulls and the `exact` keys (counts, whole months) with toBe, every
 * other number with {@link expectCloseTo}.
 */
export function expectResults<Results extends object>(
  actual: Results,
  expected: { readonly [Key in keyof Results]?: Results[Key] },
  exact: readonly (keyof Results)[] = [],
): void {
  for (const key of Object.keys(expected) as (keyof Results & string)[]) {
    const want = expected[key];
    const got = actual[key];
    if (want === null || exact.includes(key)) expect(got, key).toBe(want);
    else expectCloseTo(got as number, want as number);
  }
}

/** Checks every field of every row: the `exact` fields (the year) with toBe, the others close. */
export function expectRows<Row extends object>(
  actual: readonly Row[],
  expected: readonly Row[],
  exact: readonly (keyof Row)[] = ['year' as keyof Row],
): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((want, index) => {
    const got = actual[index];
    expect(got, `row ${index}`).toBeDefined();
    if (got === undefined) return;
    for (const key of Object.keys(want) as (keyof Row & string)[]) {
      if (exact.includes(key)) expect(got[key], `row ${index}, ${key}`).toBe(want[key]);
      else expectCloseTo(got[key] as number, want[key] as number);
    }
  });
}
