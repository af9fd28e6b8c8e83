import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { B_PREFIX, encodeScenarioB, splitScenarios, withFallback } from '../../src/lib/scenarios';
import { decodeQuery } from '../../src/lib/url-codec';
import type { NumberParamSpec } from '../../src/lib/params';

const specs: NumberParamSpec[] = [
  { key: 'aov', default: 60, min: 0, max: 1e9, minExclusive: true },
  { key: 'retention', default: 60, min: 0, max: 100 },
];

describe('splitScenarios', () => {
  it('keeps a one-scenario link exactly as it was', () => {
    const { a, b } = splitScenarios('?aov=80&retention=70&currency=EUR');
    expect(a.toString()).toBe('aov=80&retention=70&currency=EUR');
    expect(b).toBeNull();
  });

  it('separates b. keys into scenario B without their prefix', () => {
    const { a, b } = splitScenarios('aov=80&b.retention=75&b.aov=90');
    expect(a.toString()).toBe('aov=80');
    expect(b?.toString()).toBe('retention=75&aov=90');
  });
});

describe('withFallback', () => {
  it('fills B’s missing keys with A’s values, keeping B’s own', () => {
    const filled = withFallback(new URLSearchParams('retention=75'), { aov: 80, retention: 60 }, specs);
    expect(decodeQuery(specs, filled).values).toEqual({ aov: 80, retention: 75 });
  });

  it('keeps a malformed B value so the decoder can report it', () => {
    const filled = withFallback(new URLSearchParams('retention=abc'), { aov: 80, retention: 60 }, specs);
    expect(decodeQuery(specs, filled).ignored.map((entry) => entry.key)).toEqual(['retention']);
  });

  it('fills B’s missing text inputs with A’s given texts, keeping B’s own and skipping A’s empty ones', () => {
    const texts = { period: 'month', survival: '1000,630,470' };
    const onlyA = withFallback(new URLSearchParams('retention=75'), { aov: 80 }, specs, texts);
    expect(onlyA.get('period')).toBe('month');
    expect(onlyA.get('survival')).toBe('1000,630,470');
    const ownB = withFallback(new URLSearchParams('survival=500,400'), {}, specs, texts);
    expect(ownB.get('survival')).toBe('500,400');
    expect(withFallback(new URLSearchParams(''), {}, specs, { survival: '' }).has('survival')).toBe(false);
  });
});

describe('encodeScenarioB', () => {
  it('writes every key with the b. prefix', () => {
    expect(encodeScenarioB(specs, { aov: 90, retention: 75 })).toBe('b.aov=90&b.retention=75');
  });

  it('round-trips through splitScenarios and decodeQuery', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (aov, retention) => {
          const query = `aov=1&${encodeScenarioB(specs, { aov, retention })}`;
          const { b } = splitScenarios(query);
          expect(b).not.toBeNull();
          expect(decodeQuery(specs, b ?? '').values).toEqual({ aov, retention });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a missing value', () => {
    expect(() => encodeScenarioB(specs, { aov: 1 })).toThrow(RangeError);
    expect(B_PREFIX).toBe('b.');
  });
});
