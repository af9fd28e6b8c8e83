import { describe, expect, it } from 'vitest';
import { SEGMENTS, bestThreshold, segmentIndex } from '../../../../src/lib/orders/forecast/segments';

const label = (index: number) => SEGMENTS[index]?.label;

describe('segment rules, tried in order', () => {
  // x, T (weeks), p_alive, predicted value; the top fifth starts at 100
  it.each([
    ['a first order 12 weeks ago is new, whatever else', 5, 12, 0.1, 500, 'new'],
    ['one purchase day, 13 weeks on: one-time', 0, 13, 1, 500, 'one-time'],
    ['repeat buyer below 30 %: lapsed', 3, 60, 0.29, 500, 'lapsed'],
    ['30 % exactly: slipping away', 3, 60, 0.3, 500, 'slipping away'],
    ['69 %: slipping away', 3, 60, 0.69, 500, 'slipping away'],
    ['70 % and in the top fifth: best', 3, 60, 0.7, 100, 'best'],
    ['70 % below the top fifth: steady', 3, 60, 0.95, 99.99, 'steady'],
    ['a zero value is never best, even when the threshold is 0', 3, 60, 0.95, 0, 'steady'],
  ])('%s', (_, x, T, p, value, expected) => {
    expect(label(segmentIndex(x, T, p, value, 100))).toBe(expected);
  });

  it('has a rule in words for every segment', () => {
    for (const segment of SEGMENTS) expect(segment.rule.length).toBeGreaterThan(20);
  });
});

describe('bestThreshold', () => {
  it('is the value at rank ⌈n/5⌉ from the top: the 9 of 1…10, the 5 of 1…5', () => {
    expect(bestThreshold(Float64Array.from({ length: 10 }, (_, i) => i + 1))).toBe(9);
    expect(bestThreshold(Float64Array.of(5, 1, 3, 2, 4))).toBe(5);
    expect(bestThreshold(new Float64Array(0))).toBe(Infinity);
  });
});
