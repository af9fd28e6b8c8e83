import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeTextParams, defaultTexts, encodeTextParams, withoutKeys } from '../../src/lib/text-params';
import { PERIOD_SPEC, SURVIVAL_SPEC, SUBSCRIPTION_TEXT_SPECS } from '../../src/lib/subscription/text-inputs';

const specs = SUBSCRIPTION_TEXT_SPECS;

describe('decodeTextParams', () => {
  it('gives the defaults when the keys are absent', () => {
    expect(decodeTextParams(specs, new URLSearchParams('price=30'))).toEqual({
      values: { period: 'month', survival: '' },
      ignored: [],
    });
  });

  it('reads a period and a series in their link form', () => {
    const decoded = decodeTextParams(specs, new URLSearchParams('period=year&survival=1000,631,468'));
    expect(decoded.values).toEqual({ period: 'year', survival: '1000,631,468' });
    expect(decoded.ignored).toEqual([]);
  });

  it('ignores a malformed, rising or repeated value, says why and what is used instead', () => {
    const decoded = decodeTextParams(
      specs,
      new URLSearchParams('period=week&survival=1000,1200&period=year'),
    );
    expect(decoded.values).toEqual({ period: 'month', survival: '' });
    expect(decoded.ignored.map((entry) => entry.key)).toEqual(['period', 'survival']);
    expect(decoded.ignored[0]!.problem.message).toBe('Given more than once.');
    expect(decoded.ignored[1]!.problem.message).toMatch(/higher than the one before/);
    expect(decoded.ignored[1]!.problem.instead).toBe(SURVIVAL_SPEC.describeDefault);
  });

  it('does not accept a link series with spaces or grouping, which only typing allows', () => {
    expect(SURVIVAL_SPEC.parseUrl('1000, 631').ok).toBe(false);
    expect(SURVIVAL_SPEC.parseTyped('1,000; 631')).toEqual({ ok: true, value: '1000,631' });
  });
});

describe('encodeTextParams', () => {
  it('leaves out values not given and keeps the commas of a series readable', () => {
    expect(encodeTextParams(specs, { period: 'year', survival: '' })).toBe('period=year');
    expect(encodeTextParams(specs, { period: 'month', survival: '1000,870' }, 'b.')).toBe(
      'b.period=month&b.survival=1000,870',
    );
  });

  it('reads back what it writes, for any never-rising series', () => {
    const series = fc
      .array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 60 })
      .map((drops) =>
        drops.reduce<number[]>((counts, drop) => [...counts, Math.max(0, counts.at(-1)! - drop)], [5000]),
      );
    fc.assert(
      fc.property(series, fc.constantFrom('month', 'year'), (counts, period) => {
        const values = { period, survival: counts.join(',') };
        const decoded = decodeTextParams(specs, new URLSearchParams(encodeTextParams(specs, values)));
        expect(decoded).toEqual({ values, ignored: [] });
      }),
    );
  });
});

describe('the subscription text inputs', () => {
  it('default to monthly with no counts', () => {
    expect(defaultTexts(specs)).toEqual({ period: 'month', survival: '' });
  });

  it('let a cleared counts box mean "no counts"', () => {
    expect(SURVIVAL_SPEC.parseTyped('   ')).toEqual({ ok: true, value: '' });
    expect(PERIOD_SPEC.parseTyped('fortnight').ok).toBe(false);
  });

  it('show a series as a person types it', () => {
    expect(SURVIVAL_SPEC.display('1000,870,745')).toBe('1000, 870, 745');
    expect(SURVIVAL_SPEC.display('')).toBe('');
  });
});

describe('withoutKeys', () => {
  it('drops the keys named and keeps the rest in order', () => {
    expect(withoutKeys('price=30&churn=8&currency=USD', ['churn'])).toBe('price=30&currency=USD');
    expect(withoutKeys('b.churn=8&b.price=40', ['b.churn'])).toBe('b.price=40');
    expect(withoutKeys('price=30', [])).toBe('price=30');
  });
});
