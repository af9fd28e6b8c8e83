import { expect } from 'vitest';

/** Below this, a difference is floating-point dust (subnormal rounding), far under anything a page shows. */
export const ABSOLUTE_FLOOR = 1e-300;

/** True when |actual − expected| ≤ relTol × |expected|, or ≤ absFloor for values near zero. */
export function closeTo(
  actual: number,
  expected: number,
  relTol = 1e-12,
  absFloor = ABSOLUTE_FLOOR,
): boolean {
  return Math.abs(actual - expected) <= Math.max(relTol * Math.abs(expected), absFloor);
}

/** Asserts {@link closeTo}, with both numbers in the failure message; null or undefined fails. */
export function expectCloseTo(actual: number | null | undefined, expected: number, relTol = 1e-12): void {
  expect(actual, `expected a number close to ${expected}`).not.toBeNull();
  expect(actual, `expected a number close to ${expected}`).toBeDefined();
  if (actual === null || actual === undefined) return;
  expect(closeTo(actual, expected, relTol), `${actual} is not within ${relTol} of ${expected}`).toBe(true);
}
