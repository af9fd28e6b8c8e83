import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_CURRENCIES } from '../../src/lib/currency';
import { parseUrlNumber, type NumberParamSpec } from '../../src/lib/params';
import { decodeQuery, describeIgnored, encodeQuery, formatUrlNumber } from '../../src/lib/url-codec';

// Test-local specs shaped like the calculators' own, so these tests do not depend on either calculator.
const specs: readonly NumberParamSpec[] = [
  { key: 'aov', default: 60, min: 0, max: 1e9, minExclusive: true },
  { key: 'margin', default: 40, min: 0, max: 100 },
  { key: 'freq', default: 4, min: 0, max: 365, minExclusive: true },
  { key: 'years', default: 10, min: 1, max: 50, integer: true },
];
const defaults = { aov: 60, margin: 40, freq: 4, years: 10 };

const churnSpecs: readonly NumberParamSpec[] = [
  { key: 'churn', default: 30, min: 0, max: 100 },
  {
    key: 'churnWithProgram',
    default: 20,
    min: 0,
    max: 100,
    maxKey: 'churn',
    defaultFrom: (resolved) => Math.min(20, resolved['churn'] ?? 20),
  },
];

const wide: NumberParamSpec = { key: 'x', default: 0, min: -1e9, max: 1e9 };

describe('decodeQuery', () => {
  it('gives every key its default when the query is empty', () => {
    for (const search of ['', '?', new URLSearchParams()]) {
      expect(decodeQuery(specs, search)).toEqual({ values: defaults, currency: null, ignored: [] });
    }
  });

  it('reads given keys and defaults the rest, with or without the leading "?"', () => {
    const expected = { values: { ...defaults, margin: 25.5, years: 3 }, currency: 'EUR', ignored: [] };
    expect(decodeQuery(specs, '?margin=25.5&years=3&currency=EUR')).toEqual(expected);
    expect(decodeQuery(specs, 'margin=25.5&years=3&currency=EUR')).toEqual(expected);
    expect(decodeQuery(specs, new URLSearchParams('margin=25.5&years=3&currency=EUR'))).toEqual(expected);
  });

  it.each([
    ['margin=', 'margin', { code: 'empty' }],
    ['margin=%20', 'margin', { code: 'not-a-number' }],
    ['margin=abc', 'margin', { code: 'not-a-number' }],
    ['margin=1e3', 'margin', { code: 'not-a-number' }],
    ['margin=1E3', 'margin', { code: 'not-a-number' }],
    ['margin=0x10', 'margin', { code: 'not-a-number' }],
    ['margin=Infinity', 'margin', { code: 'not-a-number' }],
    ['margin=-Infinity', 'margin', { code: 'not-a-number' }],
    ['margin=NaN', 'margin', { code: 'not-a-number' }],
    ['aov=1,000', 'aov', { code: 'not-a-number' }],
    ['aov=1%20000', 'aov', { code: 'not-a-number' }],
    ['aov=1+000', 'aov', { code: 'not-a-number' }],
    ['margin=+5', 'margin', { code: 'not-a-number' }], // "+" is a space in a query string
    ['margin=%2B5', 'margin', { code: 'not-a-number' }],
    ['margin=--5', 'margin', { code: 'not-a-number' }],
    ['margin=5-', 'margin', { code: 'not-a-number' }],
    ['margin=1.2.3', 'margin', { code: 'not-a-number' }],
    ['margin=<script>alert(1)</script>', 'margin', { code: 'not-a-number' }],
    ['margin=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'margin', { code: 'not-a-number' }],
    ['margin=%00', 'margin', { code: 'not-a-number' }],
    ['margin=%', 'margin', { code: 'not-a-number' }],
    ['margin=١٢٣', 'margin', { code: 'not-a-number' }],
    ['margin=%D9%A1%D9%A2', 'margin', { code: 'not-a-number' }],
    ['margin=１２', 'margin', { code: 'not-a-number' }],
    [`margin=${'x'.repeat(10_000)}`, 'margin', { code: 'not-a-number' }],
    [`aov=${'9'.repeat(10_000)}`, 'aov', { code: 'too-large', limit: 1e9 }],
    ['margin=101', 'margin', { code: 'too-large', limit: 100 }],
    ['margin=-1', 'margin', { code: 'too-small', limit: 0, inclusive: true }],
    ['years=0', 'years', { code: 'too-small', limit: 1, inclusive: true }],
    ['years=2.5', 'years', { code: 'not-whole' }],
    ['freq=0', 'freq', { code: 'too-small', limit: 0, inclusive: false }],
    ['aov=10000000000', 'aov', { code: 'too-large', limit: 1e9 }],
    ['margin=40&margin=50', 'margin', { code: 'repeated' }],
    ['margin=40&margin=40', 'margin', { code: 'repeated' }],
    ['margin=&margin=', 'margin', { code: 'repeated' }],
  ])('ignores %s and uses the default', (search, key, problem) => {
    expect(decodeQuery(specs, search)).toEqual({
      values: defaults,
      currency: null,
      ignored: [{ key, problem }],
    });
  });

  it('keeps the good keys when others are ignored, reporting in spec order', () => {
    const decoded = decodeQuery(specs, 'years=0&aov=75&margin=abc&freq=12');
    expect(decoded.values).toEqual({ aov: 75, margin: 40, freq: 12, years: 10 });
    expect(decoded.ignored.map((entry) => entry.key)).toEqual(['margin', 'years']);
  });

  it('drops unknown keys silently, including differently cased known keys', () => {
    const search = 'utm_source=<script>&AOV=75&Margin=10&CURRENCY=EUR&__proto__=1&constructor=2&margin=30';
    const decoded = decodeQuery(specs, search);
    expect(decoded).toEqual({ values: { ...defaults, margin: 30 }, currency: null, ignored: [] });
  });

  it('never reports a key the calculator does not know', () => {
    const knownKeys = new Set([...specs.map((spec) => spec.key), 'currency']);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string())), (pairs) => {
        const decoded = decodeQuery(specs, new URLSearchParams(pairs));
        for (const entry of decoded.ignored) expect(knownKeys.has(entry.key)).toBe(true);
        expect(Object.keys(decoded.values)).toEqual(specs.map((spec) => spec.key));
      }),
    );
  });

  describe('maxKey and defaultFrom', () => {
    it('defaults the dependent key from the resolved one', () => {
      expect(decodeQuery(churnSpecs, '').values).toEqual({ churn: 30, churnWithProgram: 20 });
      expect(decodeQuery(churnSpecs, 'churn=10').values).toEqual({ churn: 10, churnWithProgram: 10 });
    });

    it('ignores a value above the cap, naming the other key, then uses the computed default', () => {
      expect(decodeQuery(churnSpecs, 'churn=10&churnWithProgram=15')).toEqual({
        values: { churn: 10, churnWithProgram: 10 },
        currency: null,
        ignored: [{ key: 'churnWithProgram', problem: { code: 'too-large', limit: 10, otherKey: 'churn' } }],
      });
      expect(decodeQuery(churnSpecs, 'churn=10&churnWithProgram=10').values).toEqual({
        churn: 10,
        churnWithProgram: 10,
      });
    });

    it('checks the cap against the default when the other key was ignored', () => {
      expect(decodeQuery(churnSpecs, 'churn=200&churnWithProgram=25')).toEqual({
        values: { churn: 30, churnWithProgram: 25 },
        currency: null,
        ignored: [{ key: 'churn', problem: { code: 'too-large', limit: 100 } }],
      });
      expect(decodeQuery(churnSpecs, 'churn=abc&churnWithProgram=35').ignored).toEqual([
        { key: 'churn', problem: { code: 'not-a-number' } },
        { key: 'churnWithProgram', problem: { code: 'too-large', limit: 30, otherKey: 'churn' } },
      ]);
    });
  });

  describe('currency', () => {
    it.each(SUPPORTED_CURRENCIES)('accepts %s', (code) => {
      expect(decodeQuery(specs, `currency=${code}`).currency).toBe(code);
    });

    it('accepts a code in any letter case, as the upper-case code', () => {
      expect(decodeQuery(specs, 'currency=eur')).toMatchObject({ currency: 'EUR', ignored: [] });
      expect(decodeQuery(specs, 'currency=gBp')).toMatchObject({ currency: 'GBP', ignored: [] });
    });

    it.each([
      ['currency=XYZ', { code: 'unsupported-currency' }],
      ['currency=xyz', { code: 'unsupported-currency' }],
      ['currency=EURO', { code: 'unsupported-currency' }],
      ['currency=%20EUR', { code: 'unsupported-currency' }],
      ['currency=EUR%00', { code: 'unsupported-currency' }],
      ['currency=<script>alert(1)</script>', { code: 'unsupported-currency' }],
      ['currency=ｅｕｒ', { code: 'unsupported-currency' }],
      [`currency=${'E'.repeat(10_000)}`, { code: 'unsupported-currency' }],
      ['currency=', { code: 'empty' }],
      ['currency=EUR&currency=USD', { code: 'repeated' }],
    ])('ignores %s', (search, problem) => {
      expect(decodeQuery(specs, search)).toEqual({
        values: defaults,
        currency: null,
        ignored: [{ key: 'currency', problem }],
      });
    });
  });
});

describe('encodeQuery', () => {
  it('writes every key in spec order, then the currency', () => {
    expect(encodeQuery(specs, { years: 3, freq: 2.5, margin: 40, aov: 60 }, 'EUR')).toBe(
      'aov=60&margin=40&freq=2.5&years=3&currency=EUR',
    );
  });

  it('writes tiny and huge values without an exponent', () => {
    expect(encodeQuery([wide], { x: 1e-7 }, 'USD')).toBe('x=0.0000001&currency=USD');
  });

  it('throws for a missing or non-finite value rather than writing a broken link', () => {
    expect(() => encodeQuery(specs, { aov: 60 }, 'USD')).toThrow(RangeError);
    expect(() => encodeQuery(specs, { ...defaults, margin: Number.NaN }, 'USD')).toThrow(RangeError);
  });

  it('round-trips any in-range values and currency through decodeQuery', () => {
    const inRange = (spec: NumberParamSpec): fc.Arbitrary<number> =>
      spec.integer
        ? fc.integer({ min: spec.min, max: spec.max })
        : fc
            .double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true })
            .filter((x) => !(spec.minExclusive && x <= spec.min))
            .map((x) => (x === 0 ? 0 : x));
    const record = fc.record(Object.fromEntries(specs.map((spec) => [spec.key, inRange(spec)])));
    fc.assert(
      fc.property(record, fc.constantFrom(...SUPPORTED_CURRENCIES), (values, currency) => {
        expect(decodeQuery(specs, encodeQuery(specs, values, currency))).toEqual({
          values,
          currency,
          ignored: [],
        });
      }),
    );
  });

  it('round-trips dependent keys within their cap', () => {
    const values = fc
      .tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([churn, share]) => ({ churn: churn + 0, churnWithProgram: Math.min(churn, churn * share) + 0 }));
    fc.assert(
      fc.property(values, (v) => {
        expect(decodeQuery(churnSpecs, encodeQuery(churnSpecs, v, 'USD')).values).toEqual(v);
      }),
    );
  });
});

describe('formatUrlNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [60, '60'],
    [12.5, '12.5'],
    [-3.25, '-3.25'],
    [1e9, '1000000000'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [-1.2345e-8, '-0.000000012345'],
    [1e21, '1000000000000000000000'],
    [2.5e21, '2500000000000000000000'],
    [5e-324, `0.${'0'.repeat(323)}5`],
  ])('writes %d as %s', (x, text) => {
    expect(formatUrlNumber(x)).toBe(text);
  });

  it('throws for non-finite numbers', () => {
    expect(() => formatUrlNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatUrlNumber(Infinity)).toThrow(RangeError);
    expect(() => formatUrlNumber(-Infinity)).toThrow(RangeError);
  });

  it('round-trips every finite double in [-1e9, 1e9] exactly through parseUrlNumber', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const text = formatUrlNumber(x);
        expect(text).not.toMatch(/e/i);
        expect(parseUrlNumber(text, wide)).toEqual({ ok: true, value: x === 0 ? 0 : x });
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips the smallest and the subnormal doubles', () => {
    for (const x of [5e-324, -5e-324, 2.2250738585072014e-308, Number.EPSILON, 1e-300, 123456789.12345678]) {
      expect(parseUrlNumber(formatUrlNumber(x), wide)).toEqual({ ok: true, value: x });
    }
  });
});

describe('describeIgnored', () => {
  it('describes an unsupported currency, and numbers as describeProblem does', () => {
    expect(describeIgnored({ code: 'unsupported-currency' }, String)).toBe(
      'Not a currency this calculator offers.',
    );
    expect(describeIgnored({ code: 'too-large', limit: 100 }, String)).toBe('Enter at most 100.');
    expect(describeIgnored({ code: 'repeated' }, String)).toBe('Given more than once.');
  });
});
