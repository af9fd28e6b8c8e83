import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCaps,
  checkValue,
  defaultOf,
  defaultValues,
  describeProblem,
  parseTypedNumber,
  parseUrlNumber,
  type NumberParamSpec,
} from '../../src/lib/params';

// Test-local specs shaped like the calculators' own, so these tests do not depend on either calculator.
const margin: NumberParamSpec = { key: 'margin', default: 40, min: 0, max: 100 };
const years: NumberParamSpec = { key: 'years', default: 10, min: 1, max: 50, integer: true };
const freq: NumberParamSpec = { key: 'freq', default: 4, min: 0, max: 365, minExclusive: true };
const aov: NumberParamSpec = { key: 'aov', default: 60, min: 0, max: 1e9, minExclusive: true };
const wide: NumberParamSpec = { key: 'wide', default: 0, min: -1e9, max: 1e9 };
const churnWithProgram: NumberParamSpec = {
  key: 'churnWithProgram',
  default: 20,
  min: 0,
  max: 100,
  maxKey: 'churn',
  defaultFrom: (resolved) => Math.min(20, resolved['churn'] ?? 20),
};

describe('checkValue', () => {
  it('accepts values in range, including both inclusive ends', () => {
    expect(checkValue(margin, 0)).toEqual({ ok: true, value: 0 });
    expect(checkValue(margin, 100)).toEqual({ ok: true, value: 100 });
    expect(checkValue(margin, 12.5)).toEqual({ ok: true, value: 12.5 });
  });

  it('reports too small, inclusive or exclusive', () => {
    expect(checkValue(margin, -1)).toEqual({
      ok: false,
      problem: { code: 'too-small', limit: 0, inclusive: true },
    });
    expect(checkValue(freq, 0)).toEqual({
      ok: false,
      problem: { code: 'too-small', limit: 0, inclusive: false },
    });
    expect(checkValue(years, 0)).toEqual({
      ok: false,
      problem: { code: 'too-small', limit: 1, inclusive: true },
    });
  });

  it('reports too large', () => {
    expect(checkValue(margin, 101)).toEqual({ ok: false, problem: { code: 'too-large', limit: 100 } });
    expect(checkValue(aov, 1e10)).toEqual({ ok: false, problem: { code: 'too-large', limit: 1e9 } });
  });

  it('reports not whole for integer specs only', () => {
    expect(checkValue(years, 2.5)).toEqual({ ok: false, problem: { code: 'not-whole' } });
    expect(checkValue(margin, 2.5).ok).toBe(true);
  });

  it('reports non-finite numbers', () => {
    expect(checkValue(margin, Number.NaN)).toEqual({ ok: false, problem: { code: 'not-a-number' } });
    expect(checkValue(margin, Infinity)).toMatchObject({ ok: false, problem: { code: 'too-large' } });
    expect(checkValue(margin, -Infinity)).toMatchObject({ ok: false, problem: { code: 'too-small' } });
  });

  it('caps by maxKey with the tighter limit, naming the other key', () => {
    expect(checkValue(churnWithProgram, 15, { churn: 10 })).toEqual({
      ok: false,
      problem: { code: 'too-large', limit: 10, otherKey: 'churn' },
    });
    expect(checkValue(churnWithProgram, 150, { churn: 10 })).toMatchObject({
      problem: { otherKey: 'churn' },
    });
    expect(checkValue(churnWithProgram, 10, { churn: 10 })).toEqual({ ok: true, value: 10 });
    // A cap no tighter than the spec's own max is not worth naming.
    expect(checkValue(churnWithProgram, 150, { churn: 100 })).toEqual({
      ok: false,
      problem: { code: 'too-large', limit: 100 },
    });
    // Without the other key resolved, only the spec's own max applies.
    expect(checkValue(churnWithProgram, 100)).toEqual({ ok: true, value: 100 });
  });

  it('never returns -0', () => {
    const checked = checkValue(margin, -0);
    expect(checked.ok && Object.is(checked.value, 0)).toBe(true);
  });
});

describe('defaultOf', () => {
  it('uses defaultFrom when present, else default', () => {
    expect(defaultOf(margin)).toBe(40);
    expect(defaultOf(churnWithProgram, { churn: 10 })).toBe(10);
    expect(defaultOf(churnWithProgram, { churn: 30 })).toBe(20);
  });
});

describe('parseUrlNumber', () => {
  it('reads plain decimals', () => {
    expect(parseUrlNumber('40', margin)).toEqual({ ok: true, value: 40 });
    expect(parseUrlNumber('12.5', margin)).toEqual({ ok: true, value: 12.5 });
    expect(parseUrlNumber('-5', wide)).toEqual({ ok: true, value: -5 });
    expect(parseUrlNumber('007', margin)).toEqual({ ok: true, value: 7 });
    expect(parseUrlNumber('0.0000001', wide)).toEqual({ ok: true, value: 1e-7 });
  });

  it('accepts ".5" and "5." but not a lone point', () => {
    expect(parseUrlNumber('.5', margin)).toEqual({ ok: true, value: 0.5 });
    expect(parseUrlNumber('5.', margin)).toEqual({ ok: true, value: 5 });
    expect(parseUrlNumber('.', margin)).toEqual({ ok: false, problem: { code: 'not-a-number' } });
    expect(parseUrlNumber('-.', wide)).toEqual({ ok: false, problem: { code: 'not-a-number' } });
  });

  it('reports empty text', () => {
    expect(parseUrlNumber('', margin)).toEqual({ ok: false, problem: { code: 'empty' } });
  });

  it.each([
    ' ',
    ' 5',
    '5 ',
    'abc',
    '1e3',
    '1E3',
    '0x10',
    '0b1',
    'Infinity',
    '-Infinity',
    'NaN',
    '1,000',
    '1 000',
    '1_000',
    '+5',
    '--5',
    '5-',
    '1.2.3',
    '<script>alert(1)</script>',
    '%00',
    '\u0000',
    '١٢٣',
    '１２３',
    '5%',
    '$5',
    'a'.repeat(10_000),
  ])('rejects %j as not a number', (text) => {
    expect(parseUrlNumber(text, wide)).toEqual({ ok: false, problem: { code: 'not-a-number' } });
  });

  it('reads a 10,000-digit number as too large, not as an error', () => {
    expect(parseUrlNumber('9'.repeat(10_000), aov)).toEqual({
      ok: false,
      problem: { code: 'too-large', limit: 1e9 },
    });
  });

  it.each([
    ['margin=101', margin, '101', { code: 'too-large', limit: 100 }],
    ['years=0', years, '0', { code: 'too-small', limit: 1, inclusive: true }],
    ['years=2.5', years, '2.5', { code: 'not-whole' }],
    ['freq=0', freq, '0', { code: 'too-small', limit: 0, inclusive: false }],
    ['aov=1e10 written plainly', aov, '10000000000', { code: 'too-large', limit: 1e9 }],
  ] as const)('rejects out-of-range %s', (_, spec, text, problem) => {
    expect(parseUrlNumber(text, spec)).toEqual({ ok: false, problem });
  });

  it('accepts exactly what Number reads, for text of the strict form', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,12}(\.\d{1,12})?$/), (text) => {
        const checked = parseUrlNumber(text, { key: 'x', default: 0, min: -1e13, max: 1e13 });
        expect(checked).toEqual({ ok: true, value: Number(text) === 0 ? 0 : Number(text) });
      }),
    );
  });

  it('never accepts text with a character outside "-.0-9"', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(/[^\d.-]/.test(text));
        expect(parseUrlNumber(text, wide).ok).toBe(false);
      }),
    );
  });
});

describe('parseTypedNumber', () => {
  const typed = (text: string, locale: string, spec: NumberParamSpec = wide): number | string => {
    const checked = parseTypedNumber(text, spec, locale);
    return checked.ok ? checked.value : checked.problem.code;
  };

  it('reports blank text as empty', () => {
    expect(typed('', 'en-US')).toBe('empty');
    expect(typed('   ', 'en-US')).toBe('empty');
    expect(typed('\u00a0\t', 'de-DE')).toBe('empty');
  });

  describe.each(['en-US', 'en-GB', 'ja-JP'])('%s (decimal ".", group ",")', (locale) => {
    it.each([
      ['12.5', 12.5],
      ['1,234.5', 1234.5],
      ['1,234,567', 1234567],
      ['1234567.25', 1234567.25],
      [' 42 ', 42],
      ['+5', 5],
      ['-5', -5],
      ['\u22125', -5],
      ['.5', 0.5],
      ['5.', 5],
      ['60%', 60],
      ['60 %', 60],
      ['$60', 60],
      ['-$60', -60],
      ['$-60', -60],
      ['60 €', 60],
      ['£1,234.50', 1234.5],
      ['¥1,235', 1235],
    ])('reads %j as %d', (text, value) => {
      expect(typed(text, locale)).toBe(value);
    });

    it.each(['1,5', '1,2345', ',5', '1,,234', '1.2.3', '1,234,5', '1 234', '12.5.', '$5$', '5%%'])(
      'rejects %j',
      (text) => {
        expect(typed(text, locale)).toBe('not-a-number');
      },
    );
  });

  describe('de-DE (decimal ",", group ".")', () => {
    it.each([
      ['12,5', 12.5],
      ['1.234,5', 1234.5],
      ['1.234.567,89', 1234567.89],
      ['1.234', 1234],
      ['1.234.567', 1234567],
      ['12.5', 12.5],
      ['1.5', 1.5],
      ['1.2345', 1.2345],
      ['0.25', 0.25],
      ['.5', 0.5],
      ['5,', 5],
      ['1234,5 €', 1234.5],
      ['60 %', 60],
      ['\u22125', -5],
    ])('reads %j as %d', (text, value) => {
      expect(typed(text, 'de-DE')).toBe(value);
    });

    it.each(['1,2,3', '1.2.3', '1.5,5', '12,5.3', '1,234.5', '1 234,5', '12.34.5'])('rejects %j', (text) => {
      expect(typed(text, 'de-DE')).toBe('not-a-number');
    });
  });

  describe('fr-FR (decimal ",", group narrow no-break space)', () => {
    it.each([
      ['12,5', 12.5],
      ['1 234,5', 1234.5],
      ['1\u00a0234,5', 1234.5],
      ['1\u202f234,5', 1234.5],
      ['1\u202f234\u202f567', 1234567],
      ['12.5', 12.5],
      ['1 234.5', 1234.5],
      ['1,234', 1.234],
      ['1\u202f234,50\u00a0€', 1234.5],
      ['60\u202f%', 60],
    ])('reads %j as %d', (text, value) => {
      expect(typed(text, 'fr-FR')).toBe(value);
    });

    it.each(['1.234', '1.2.3', '1 23,5', '1,2,3', '1.234,5'])(
      'rejects %j (ambiguous or malformed)',
      (text) => {
        expect(typed(text, 'fr-FR')).toBe('not-a-number');
      },
    );
  });

  describe('hi-IN (Indian grouping)', () => {
    it.each([
      ['12,34,567.5', 1234567.5],
      ['1,00,000', 100000],
      ['1,234.5', 1234.5],
      ['₹1,00,000', 100000],
    ])('reads %j as %d', (text, value) => {
      expect(typed(text, 'hi-IN')).toBe(value);
    });

    it.each(['1,0,000', '12,5'])('rejects %j', (text) => {
      expect(typed(text, 'hi-IN')).toBe('not-a-number');
    });
  });

  it("reads a locale's own digits, and only that locale's", () => {
    expect(typed('١٢٣٫٥', 'ar-EG')).toBe(123.5);
    expect(typed('١٬٢٣٤', 'ar-EG')).toBe(1234);
    expect(typed('123.5', 'ar-EG')).toBe(123.5);
    expect(typed('\u061c-١', 'ar-EG')).toBe(-1);
    expect(typed('١٢٣', 'en-US')).toBe('not-a-number');
  });

  it("reads de-CH's apostrophe grouping, straight or curly", () => {
    expect(typed("1'234.5", 'de-CH')).toBe(1234.5);
    expect(typed('1\u2019234.5', 'de-CH')).toBe(1234.5);
  });

  it.each([
    'abc',
    '1e3',
    '1E3',
    '0x10',
    'Infinity',
    '-Infinity',
    'NaN',
    '--5',
    '+-5',
    '-+5',
    '5-',
    '5+',
    '<script>alert(1)</script>',
    '%00',
    '１２３',
    '$',
    '%',
    '-',
    '5 USD',
    'USD 5',
    '5 kr',
    'a'.repeat(10_000),
  ])('rejects %j in every locale', (text) => {
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'hi-IN', 'ja-JP']) {
      expect(typed(text, locale), locale).toBe('not-a-number');
    }
  });

  it('checks the range after parsing', () => {
    expect(typed('101', 'en-US', margin)).toBe('too-large');
    expect(typed('2,5', 'de-DE', years)).toBe('not-whole');
    expect(typed('0', 'fr-FR', freq)).toBe('too-small');
    expect(typed('9'.repeat(10_000), 'en-US', aov)).toBe('too-large');
    const capped = parseTypedNumber('15', churnWithProgram, 'en-US', { churn: 10 });
    expect(capped).toEqual({ ok: false, problem: { code: 'too-large', limit: 10, otherKey: 'churn' } });
  });

  it('falls back to en-US rules for an invalid locale tag instead of throwing', () => {
    expect(typed('1,234.5', 'not a locale!')).toBe(1234.5);
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-composite' }),
        fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'ar-EG'),
        (text, locale) => {
          const checked = parseTypedNumber(text, wide, locale);
          if (checked.ok) expect(Number.isFinite(checked.value)).toBe(true);
        },
      ),
    );
  });
});

describe('describeProblem', () => {
  const limit = (n: number): string => n.toLocaleString('en-US');

  it.each([
    [{ code: 'empty' }, 'Enter a number.'],
    [{ code: 'not-a-number' }, 'Enter a number, not text.'],
    [{ code: 'not-whole' }, 'Enter a whole number.'],
    [{ code: 'too-small', limit: 0, inclusive: false }, 'Enter a number more than 0.'],
    [{ code: 'too-small', limit: 1, inclusive: true }, 'Enter at least 1.'],
    [{ code: 'too-large', limit: 1e9 }, 'Enter at most 1,000,000,000.'],
    [{ code: 'too-large', limit: 30, otherKey: 'churn' }, 'Enter at most the value of churn (30).'],
    [{ code: 'repeated' }, 'Given more than once.'],
  ] as const)('describes %j', (problem, sentence) => {
    expect(describeProblem(problem, limit)).toBe(sentence);
  });

  it('names the other key with labelOf', () => {
    const problem = { code: 'too-large', limit: 30, otherKey: 'churn' } as const;
    expect(describeProblem(problem, limit, () => 'churn without the programme')).toBe(
      'Enter at most the value of churn without the programme (30).',
    );
  });
});

describe('applyCaps', () => {
  const pair = [
    { key: 'churn', default: 30, min: 0, max: 100 },
    { key: 'churnWithProgram', default: 20, min: 0, max: 100, maxKey: 'churn' },
  ] as const;

  it('lowers a capped value to its cap', () => {
    expect(applyCaps(pair, { churn: 10, churnWithProgram: 20 })).toEqual({ churn: 10, churnWithProgram: 10 });
  });

  it('leaves values within their cap alone and does not change its argument', () => {
    const values = { churn: 30, churnWithProgram: 20 };
    expect(applyCaps(pair, values)).toEqual({ churn: 30, churnWithProgram: 20 });
    applyCaps(pair, { churn: 5, churnWithProgram: 20 });
    expect(values).toEqual({ churn: 30, churnWithProgram: 20 });
  });
});

describe('defaultValues', () => {
  it('resolves defaults in order, so a default can follow an earlier key', () => {
    const specs: NumberParamSpec[] = [
      { key: 'churn', default: 10, min: 0, max: 100 },
      {
        key: 'churnWithProgram',
        default: 20,
        min: 0,
        max: 100,
        defaultFrom: (r) => Math.min(20, r['churn'] ?? 30),
      },
    ];
    expect(defaultValues(specs)).toEqual({ churn: 10, churnWithProgram: 10 });
  });
});
