import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SUPPORTED_CURRENCIES,
  currencyForLocale,
  currencyName,
  isSupportedCurrency,
} from '../../src/lib/currency';

describe('isSupportedCurrency', () => {
  it.each(SUPPORTED_CURRENCIES)('accepts %s', (code) => {
    expect(isSupportedCurrency(code)).toBe(true);
  });

  it.each(['eur', 'Eur', 'XYZ', 'EURO', ' EUR', 'EUR ', '', 'BTC', 'constructor', '__proto__', 'toString'])(
    'rejects %j',
    (code) => {
      expect(isSupportedCurrency(code)).toBe(false);
    },
  );
});

describe('currencyForLocale', () => {
  it.each([
    ['en-US', 'USD'],
    ['en', 'USD'],
    ['de-DE', 'EUR'],
    ['de', 'EUR'],
    ['de-AT', 'EUR'],
    ['fr', 'EUR'],
    ['hr-HR', 'EUR'],
    ['bg-BG', 'EUR'],
    ['ca-AD', 'EUR'],
    ['en-GB', 'GBP'],
    ['ja', 'JPY'],
    ['ja-JP', 'JPY'],
    ['hi-IN', 'INR'],
    ['en-IN', 'INR'],
    ['fr-CA', 'CAD'],
    ['en-AU', 'AUD'],
    ['de-CH', 'CHF'],
    ['fr-CH', 'CHF'],
    ['de-LI', 'CHF'],
    ['zh-CN', 'CNY'],
    ['zh', 'CNY'],
    ['pt-BR', 'BRL'],
    ['pt-PT', 'EUR'],
    ['en-NZ', 'NZD'],
    ['sv-SE', 'SEK'],
    ['sv-FI', 'EUR'],
    ['nb-NO', 'NOK'],
    ['da-DK', 'DKK'],
    ['pl-PL', 'PLN'],
    ['es-MX', 'MXN'],
    ['es', 'EUR'],
    ['en-ZA', 'ZAR'],
    ['en-SG', 'SGD'],
    ['zh-HK', 'HKD'],
    ['ko', 'KRW'],
    ['es-EC', 'USD'],
    ['es-419', 'USD'],
    ['ar-EG', 'USD'],
    ['ru-RU', 'USD'],
    ['de-u-nu-latn', 'EUR'],
  ] as const)('%s → %s', (locale, code) => {
    expect(currencyForLocale(locale)).toBe(code);
  });

  it.each(['', 'not a locale', 'xx', 'und', '<script>', '-', 'en_US!', 'a'.repeat(1000)])(
    'falls back to USD for %j',
    (locale) => {
      expect(currencyForLocale(locale)).toBe('USD');
    },
  );

  it('never throws and always returns a supported code', () => {
    fc.assert(
      fc.property(fc.string(), (locale) => {
        expect(isSupportedCurrency(currencyForLocale(locale))).toBe(true);
      }),
    );
  });
});

describe('currencyName', () => {
  it('names the currency in the reader language', () => {
    expect(currencyName('USD', 'en-US')).toBe('US Dollar');
    expect(currencyName('EUR', 'de-DE')).toBe('Euro');
    expect(currencyName('JPY', 'en')).toBe('Japanese Yen');
  });

  it('falls back to the code for an invalid locale', () => {
    expect(currencyName('CHF', 'not a locale')).toBe('CHF');
  });

  it.each(SUPPORTED_CURRENCIES)('has a name for %s in English', (code) => {
    expect(currencyName(code, 'en')).not.toBe(code);
  });
});
