import { describe, expect, it } from 'vitest';
import { difference, formatDifference } from '../../src/lib/compare';

describe('difference', () => {
  it('is B minus A', () => {
    expect(difference(100, 130)).toBe(30);
    expect(difference(130, 100)).toBe(-30);
  });

  it('is null when either side is undefined', () => {
    expect(difference(null, 1)).toBeNull();
    expect(difference(1, null)).toBeNull();
  });
});

describe('formatDifference', () => {
  it('signs money, points, multiples and counts', () => {
    expect(formatDifference(120.5, { kind: 'money' }, 'USD', 'en-US')).toBe('+$120.50');
    expect(formatDifference(-1500, { kind: 'money' }, 'USD', 'en-US')).toBe('−$1,500');
    expect(formatDifference(-3.46, { kind: 'points' }, 'USD', 'en-US')).toBe('−3.5 points');
    expect(formatDifference(0.4, { kind: 'multiple' }, 'USD', 'en-US')).toBe('+0.4×');
    expect(formatDifference(2, { kind: 'count', unit: 'months', digits: 0 }, 'USD', 'en-US')).toBe(
      '+2 months',
    );
  });

  it('says "no change" when the difference rounds away, and "not comparable" when undefined', () => {
    expect(formatDifference(0.001, { kind: 'money' }, 'USD', 'en-US')).toBe('no change');
    expect(formatDifference(0, { kind: 'points' }, 'USD', 'en-US')).toBe('no change');
    expect(formatDifference(null, { kind: 'money' }, 'USD', 'en-US')).toBe('not comparable');
  });
});
