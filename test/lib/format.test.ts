import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_CURRENCIES } from '../../src/lib/currency';
import {
  currencyAffix,
  formatInputValue,
  formatMoney,
  formatMultiple,
  formatNumber,
  formatPercent,
  formatSeconds,
} from '../../src/lib/format';
import { parseTypedNumber, type NumberParamSpec } from '../../src/lib/params';

// Intl separates some numbers and units with a no-break space (U+00A0) or a narrow one (U+202F); the
// expected strings below spell them out so a test never passes on a plain space by accident.
const NBSP = '\u00a0';
const NNBSP = '\u202f';

const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'hi-IN', 'ja-JP', 'de-CH', 'sv-SE', 'ar-EG'] as const;
const wide: NumberParamSpec = { key: 'x', default: 0, min: -1e12, max: 1e12 };

describe('formatMoney', () => {
  it.each([
    [1234, 'USD', 'en-US', '$1,234'],
    [1234.56, 'USD', 'en-US', '$1,235'],
    [999.5, 'USD', 'en-US', '$999.50'],
    [12.5, 'USD', 'en-US', '$12.50'],
    [0, 'USD', 'en-US', '$0.00'],
    [-12.5, 'USD', 'en-US', '-$12.50'],
    [-1234.4, 'USD', 'en-US', '-$1,234'],
    [1234.5, 'JPY', 'en-US', '¥1,235'],
    [12.4, 'JPY', 'en-US', '¥12'],
    [1234, 'EUR', 'de-DE', `1.234${NBSP}€`],
    [12.5, 'EUR', 'de-DE', `12,50${NBSP}€`],
    [1234, 'EUR', 'fr-FR', `1${NNBSP}234${NBSP}€`],
    [1234, 'USD', 'en-GB', 'US$1,234'],
    [1234, 'GBP', 'en-GB', '£1,234'],
    [1234567, 'INR', 'hi-IN', '₹12,34,567'],
    [1234, 'KRW', 'en-US', '₩1,234'],
  ] as const)('formats %d %s in %s as %j', (value, currency, locale, text) => {
    expect(formatMoney(value, currency, locale)).toBe(text);
  });

  it('never shows "-0" for a tiny negative amount', () => {
    expect(formatMoney(-0.001, 'USD', 'en-US')).toBe('$0.00');
    expect(formatMoney(-0, 'EUR', 'de-DE')).toBe(`0,00${NBSP}€`);
  });

  it('falls back to en-US for an invalid locale tag', () => {
    expect(formatMoney(12.5, 'USD', 'not a locale')).toBe('$12.50');
  });
});

describe('formatPercent', () => {
  it.each([
    [60, 'en-US', undefined, '60%'],
    [60, 'de-DE', undefined, `60${NBSP}%`],
    [60, 'fr-FR', undefined, `60${NBSP}%`],
    [12.345, 'en-US', undefined, '12.3%'],
    [12.345, 'en-US', 2, '12.35%'],
    [12.5, 'de-DE', undefined, `12,5${NBSP}%`],
    [0, 'en-US', undefined, '0%'],
    [1234.5, 'en-US', 0, '1,235%'],
    [-0.01, 'en-US', undefined, '0%'],
  ] as const)('formats %d in %s (max %s digits) as %j', (value, locale, digits, text) => {
    expect(formatPercent(value, locale, digits)).toBe(text);
  });
});

describe('formatNumber', () => {
  it.each([
    [1234.56, 'en-US', undefined, '1,234.6'],
    [1234.56, 'de-DE', undefined, '1.234,6'],
    [1234.56, 'fr-FR', undefined, `1${NNBSP}234,6`],
    [1234567, 'hi-IN', undefined, '12,34,567'],
    [2.345, 'en-US', 2, '2.35'],
    [3, 'en-US', undefined, '3'],
    [-0.04, 'en-US', undefined, '0'],
  ] as const)('formats %d in %s (max %s digits) as %j', (value, locale, digits, text) => {
    expect(formatNumber(value, locale, digits)).toBe(text);
  });
});

describe('formatSeconds', () => {
  it.each([
    [0.24, 'en-US', undefined, '0.24 s'],
    [1.5, 'de-DE', undefined, '1,5 s'],
    [0.005, 'en-US', undefined, '0.01 s'],
    [0.004, 'en-US', undefined, 'under 0.01 s'],
    [0, 'en-US', undefined, 'under 0.01 s'],
    [0.04, 'en-US', 1, 'under 0.1 s'],
    [0.05, 'en-US', 1, '0.1 s'],
    [0.001, 'de-DE', undefined, 'under 0,01 s'],
    [12.345, 'en-US', 1, '12.3 s'],
  ] as const)('formats %d s in %s (%s digits) as %j', (seconds, locale, digits, text) => {
    expect(formatSeconds(seconds, locale, digits)).toBe(text);
  });
});

describe('formatMultiple', () => {
  it.each([
    [3.46, 'en-US', '3.5×'],
    [3, 'en-US', '3×'],
    [3.46, 'de-DE', '3,5×'],
    [99.94, 'en-US', '99.9×'],
    [123.4, 'en-US', '123×'],
    [1234.5, 'en-US', '1,235×'],
  ] as const)('formats %d in %s as %j', (value, locale, text) => {
    expect(formatMultiple(value, locale)).toBe(text);
  });
});

describe('currencyAffix', () => {
  it.each([
    ['USD', 'en-US', '$'],
    ['EUR', 'de-DE', '€'],
    ['USD', 'en-GB', 'US$'],
    ['GBP', 'en-GB', '£'],
    ['JPY', 'ja-JP', '￥'],
    ['JPY', 'en-US', '¥'],
    ['INR', 'hi-IN', '₹'],
    ['CHF', 'de-CH', 'CHF'],
  ] as const)('gives %s in %s as %j', (currency, locale, symbol) => {
    expect(currencyAffix(currency, locale)).toBe(symbol);
  });

  it('gives a non-empty symbol for every supported currency', () => {
    for (const currency of SUPPORTED_CURRENCIES) {
      for (const locale of LOCALES) expect(currencyAffix(currency, locale)).not.toBe('');
    }
  });
});

describe('formatInputValue', () => {
  it.each([
    [1234.5, 'en-US', '1234.5'],
    [1234.5, 'de-DE', '1234,5'],
    [1234567.25, 'fr-FR', '1234567,25'],
    [1e-7, 'en-US', '0.0000001'],
    [1e21, 'en-US', '1000000000000000000000'],
    [0.1 + 0.2, 'en-US', '0.3'],
    [-5, 'sv-SE', '\u22125'],
  ] as const)('writes %d in %s as %j', (value, locale, text) => {
    expect(formatInputValue(value, locale)).toBe(text);
  });

  it('never groups and never uses an exponent: only digits, one decimal separator and a sign', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e15, max: 1e15, noNaN: true }),
        fc.constantFrom(...LOCALES),
        (x, locale) => {
          const decimal = new Intl.NumberFormat(locale)
            .formatToParts(1.5)
            .find((p) => p.type === 'decimal')?.value;
          const unsigned = formatInputValue(x, locale).replace(/^[\u061c\u200e\u200f]*[-\u2212]?/u, '');
          const [whole, fraction, ...rest] = unsigned.split(decimal ?? '.');
          expect(rest).toEqual([]);
          expect(whole).toMatch(/^\p{Nd}+$/u);
          if (fraction !== undefined) expect(fraction).toMatch(/^\p{Nd}{1,10}$/u);
        },
      ),
    );
  });

  it('reads back through parseTypedNumber to the same 2-decimal value, in every locale', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(...LOCALES), (cents, locale) => {
        const x = cents / 100;
        expect(parseTypedNumber(formatInputValue(x, locale), wide, locale)).toEqual({
          ok: true,
          value: x + 0,
        });
      }),
    );
  });

  it('reads back exactly for any double of magnitude 1e6 to 1e9', () => {
    const big = fc.double({ min: 1e6, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(big, fc.boolean(), fc.constantFrom(...LOCALES), (magnitude, negative, locale) => {
        const x = negative ? -magnitude : magnitude;
        expect(parseTypedNumber(formatInputValue(x, locale), wide, locale)).toEqual({ ok: true, value: x });
      }),
    );
  });
});

describe('every formatter', () => {
  const formatters: readonly [string, (x: number, locale: string) => string][] = [
    ['formatMoney USD', (x, locale) => formatMoney(x, 'USD', locale)],
    ['formatMoney JPY', (x, locale) => formatMoney(x, 'JPY', locale)],
    ['formatPercent', formatPercent],
    ['formatNumber', formatNumber],
    ['formatMultiple', formatMultiple],
    ['formatInputValue', formatInputValue],
  ];

  it.each(formatters)('%s never prints NaN, Infinity or "-0"', (_, format) => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(...LOCALES),
        (x, locale) => {
          const text = format(x, locale);
          expect(text).not.toMatch(/NaN|Infinity|∞/);
          expect(text).not.toMatch(/^[-\u2212]0$/);
        },
      ),
    );
  });

  it.each(formatters)('%s throws a RangeError for NaN and ±Infinity', (_, format) => {
    for (const x of [Number.NaN, Infinity, -Infinity]) expect(() => format(x, 'en-US')).toThrow(RangeError);
  });
});
