/**
 * Tests of amount reading (src/lib/orders/import/amounts.ts): the forms shops export, the separator rule, and
 * what must be rejected.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalSeparatorIndex, integerDigits, parseAmount } from '../../../../src/lib/orders/import/amounts';

describe('parseAmount', () => {
  it('reads plain amounts', () => {
    expect(parseAmount('23.50')).toBe(23.5);
    expect(parseAmount('23')).toBe(23);
    expect(parseAmount('0')).toBe(0);
    expect(parseAmount(' 23.5 ')).toBe(23.5);
    expect(parseAmount('.99')).toBe(0.99);
  });

  it('decides the decimal separator from the last one', () => {
    expect(parseAmount('1.234,56')).toBe(1234.56);
    expect(parseAmount('1,234.56')).toBe(1234.56);
    expect(parseAmount('12,50')).toBe(12.5);
    expect(parseAmount('1 234,56')).toBe(1234.56);
    expect(parseAmount('1\u00a0234,56')).toBe(1234.56); // no-break space, as French exports write it
    expect(parseAmount('1\u202f234,56')).toBe(1234.56); // narrow no-break space
    expect(parseAmount("1'234.50")).toBe(1234.5); // Swiss
    expect(parseAmount('1,234,567.89')).toBe(1234567.89);
    expect(parseAmount('1.234.567,89')).toBe(1234567.89);
    expect(parseAmount('1,23,456.78')).toBe(123456.78); // Indian grouping
  });

  it('takes one separator before exactly three digits for thousands, unless the integer part is 0', () => {
    expect(parseAmount('1,234')).toBe(1234);
    expect(parseAmount('1.234')).toBe(1234);
    expect(parseAmount('123.456')).toBe(123456);
    expect(parseAmount('0.125')).toBe(0.125);
    expect(parseAmount('1234.567')).toBe(1234.567); // four digits before: no grouping, so a decimal point
    expect(parseAmount('1,2345')).toBe(1.2345);
    expect(parseAmount('1,234,567')).toBe(1234567);
  });

  it('strips currency symbols and codes before or after the number', () => {
    expect(parseAmount('$1,234.56')).toBe(1234.56);
    expect(parseAmount('€1.234,56')).toBe(1234.56);
    expect(parseAmount('€ 12,50')).toBe(12.5);
    expect(parseAmount('12,50 €')).toBe(12.5);
    expect(parseAmount('£9.99')).toBe(9.99);
    expect(parseAmount('USD 12.50')).toBe(12.5);
    expect(parseAmount('12.50 EUR')).toBe(12.5);
    expect(parseAmount('US$5')).toBe(5);
    expect(parseAmount('1 234,56 zł')).toBe(1234.56);
    expect(parseAmount('99 kr')).toBe(99);
    expect(parseAmount('¥1,200')).toBe(1200);
  });

  it('returns negative amounts as negative numbers: a minus before or after the symbol, or parentheses', () => {
    expect(parseAmount('-12.50')).toBe(-12.5);
    expect(parseAmount('−12.50')).toBe(-12.5); // Unicode minus
    expect(parseAmount('-$12.50')).toBe(-12.5);
    expect(parseAmount('$-12.50')).toBe(-12.5);
    expect(parseAmount('(12.50)')).toBe(-12.5);
    expect(parseAmount('($1,234.56)')).toBe(-1234.56);
    expect(parseAmount('-1.234,56 €')).toBe(-1234.56);
  });

  it('never returns -0', () => {
    expect(Object.is(parseAmount('-0.00'), 0)).toBe(true);
    expect(Object.is(parseAmount('(0)'), 0)).toBe(true);
  });

  it('rejects text, blanks, exponents, NaN, Infinity and malformed numbers', () => {
    const rejected = [
      '',
      '   ',
      'abc',
      'twelve',
      'N/A',
      '-',
      '$',
      '1e5',
      '1E5',
      '1.5e3',
      'NaN',
      'Infinity',
      '-Infinity',
      '12 NaN',
      '0x1A',
      '12.34.56',
      '1,2,3',
      '12,34,5',
      '1.234 567',
      '--12',
      '-(12)',
      '(12',
      '12)',
      '12.50-',
      '12 apples',
      '1,234.567,89',
      '12..5',
      '1,,234',
      '.',
      ',',
      '12-50',
      '½',
      '１２',
    ];
    for (const text of rejected) expect(parseAmount(text), JSON.stringify(text)).toBeNull();
  });

  it('rejects numbers too large for a double', () => {
    expect(parseAmount('9'.repeat(400))).toBeNull();
  });

  it('reads back any amount written in the usual styles', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000_000 });
    const styles: ((units: string, fraction: string) => string)[] = [
      (units, fraction) => `${units}.${fraction}`,
      (units, fraction) => `$${group(units, ',')}.${fraction}`,
      (units, fraction) => `${group(units, '.')},${fraction} €`,
      (units, fraction) => `${group(units, ' ')},${fraction}`,
      (units, fraction) => `EUR ${group(units, '\u202f')},${fraction}`,
      (units, fraction) => `${group(units, "'")}.${fraction} CHF`,
    ];
    fc.assert(
      fc.property(cents, fc.constantFrom(...styles), fc.boolean(), (amount, style, negative) => {
        const text = style(String(Math.floor(amount / 100)), String(amount % 100).padStart(2, '0'));
        const expected = amount / 100;
        expect(parseAmount(negative ? `(${text})` : text)).toBe(
          negative && amount !== 0 ? -expected : expected,
        );
      }),
    );
  });

  it('never throws and never returns a non-finite number, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
        const amount = parseAmount(text);
        expect(amount === null || Number.isFinite(amount)).toBe(true);
      }),
    );
  });
});

/** Digits grouped by threes with a separator: group('1234567', ',') is '1,234,567'. */
function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}

describe('the separator rule, step by step', () => {
  it('finds the decimal separator, or none', () => {
    expect(decimalSeparatorIndex('1.234,56')).toBe(5);
    expect(decimalSeparatorIndex('1,234')).toBe(-1);
    expect(decimalSeparatorIndex('1,234,567')).toBe(-1);
    expect(decimalSeparatorIndex('12,5')).toBe(2);
    expect(decimalSeparatorIndex('1234')).toBe(-1);
  });

  it('checks thousands groups', () => {
    expect(integerDigits('1 234 567')).toBe('1234567');
    expect(integerDigits('12,34,567')).toBe('1234567');
    expect(integerDigits('12,34')).toBeNull();
    expect(integerDigits('1,234.567')).toBeNull(); // two different separators
    expect(integerDigits('')).toBe('0');
  });
});
