/** The currencies a calculator can display, and the one a reader's locale suggests. */

/** ISO 4217 codes a reader can choose; every other code is ignored. */
export const SUPPORTED_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'INR',
  'CAD',
  'AUD',
  'CHF',
  'CNY',
  'BRL',
  'NZD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'MXN',
  'ZAR',
  'SGD',
  'HKD',
  'KRW',
] as const;

/** One of {@link SUPPORTED_CURRENCIES}. */
export type CurrencyCode = (typeof SUPPORTED_CURRENCIES)[number];

const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_CURRENCIES);

/**
 * True when `code` is a supported code exactly as written (upper case only).
 *
 * @example isSupportedCurrency('EUR') // true
 * @example isSupportedCurrency('eur') // false
 */
export function isSupportedCurrency(code: string): code is CurrencyCode {
  return SUPPORTED.has(code);
}

/** The regions (ISO 3166 / CLDR codes) whose own legal currency is each supported one. */
// One line per currency reads better than one line per region.
// prettier-ignore
const REGIONS: Readonly<Record<CurrencyCode, readonly string[]>> = {
  // US territories and the countries that use the US dollar as their own currency.
  USD: [
    'US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'EC', 'SV', 'PA', 'TL', 'FM', 'MH', 'PW', 'BQ', 'TC', 'VG',
    'IO',
  ],
  // The euro area (Bulgaria from 2026), its overseas parts, and the states that use the euro by agreement.
  EUR: [
    'AT', 'BE', 'BG', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT',
    'NL', 'PT', 'SI', 'SK', 'AD', 'MC', 'SM', 'VA', 'ME', 'XK', 'AX', 'GF', 'GP', 'MQ', 'RE', 'YT', 'PM',
    'BL', 'MF', 'IC', 'EA',
  ],
  GBP: ['GB', 'IM', 'JE', 'GG'],
  JPY: ['JP'],
  INR: ['IN'],
  CAD: ['CA'],
  AUD: ['AU', 'CX', 'CC', 'NF', 'KI', 'NR', 'TV', 'HM'],
  CHF: ['CH', 'LI'],
  CNY: ['CN'],
  BRL: ['BR'],
  NZD: ['NZ', 'CK', 'NU', 'PN', 'TK'],
  SEK: ['SE'],
  NOK: ['NO', 'SJ', 'BV'],
  DKK: ['DK', 'FO', 'GL'],
  PLN: ['PL'],
  MXN: ['MX'],
  ZAR: ['ZA'],
  SGD: ['SG'],
  HKD: ['HK'],
  KRW: ['KR'],
};

const CURRENCY_OF_REGION: ReadonlyMap<string, CurrencyCode> = new Map(
  SUPPORTED_CURRENCIES.flatMap((code) => REGIONS[code].map((region) => [region, code] as const)),
);

/**
 * The currency of the locale's region, found with `Intl.Locale#maximize` (so `de` → DE → EUR);
 * USD when the locale is invalid, has no region, or its region's currency is not supported. Never throws.
 *
 * @example currencyForLocale('de-CH') // 'CHF'
 * @example currencyForLocale('es-419') // 'USD' (Latin America as a whole has no one currency)
 */
export function currencyForLocale(locale: string): CurrencyCode {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return (region !== undefined && CURRENCY_OF_REGION.get(region)) || 'USD';
  } catch {
    return 'USD';
  }
}

/**
 * The currency's name in the reader's language, e.g. "Euro" in `de`; the code itself when the locale is
 * invalid or Intl has no name for it.
 *
 * @example currencyName('USD', 'en-US') // 'US Dollar'
 */
export function currencyName(code: CurrencyCode, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}
