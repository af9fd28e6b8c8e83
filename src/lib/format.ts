/**
 * Display formatting with Intl, in the reader's locale. Every function throws a RangeError for a number
 * that is not finite, so a bug upstream fails loudly in tests instead of showing "NaN" to a reader.
 * An invalid locale tag falls back to en-US rather than throwing.
 */
import type { CurrencyCode } from './currency';

function assertFinite(value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot format a number that is not finite: ${value}`);
}

const formatCache = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat; 'negative' sign display so a value that rounds to zero never shows "-0". */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${locale}|${JSON.stringify(options)}`;
  let format = formatCache.get(cacheKey);
  if (!format) {
    const withSign: Intl.NumberFormatOptions = { signDisplay: 'negative', ...options };
    try {
      format = new Intl.NumberFormat(locale, withSign);
    } catch {
      format = new Intl.NumberFormat('en-US', withSign);
    }
    formatCache.set(cacheKey, format);
  }
  return format;
}

/**
 * A money amount: whole units when |value| ≥ 1000 (cents are noise there), else the currency's usual minor
 * digits (2 for USD, 0 for JPY).
 *
 * @example formatMoney(1234.4, 'USD', 'en-US') // "$1,234"
 * @example formatMoney(12.5, 'USD', 'en-US')   // "$12.50"
 */
export function formatMoney(value: number, currency: CurrencyCode, locale: string): string {
  assertFinite(value);
  const whole = Math.abs(value) >= 1000;
  return numberFormat(locale, {
    style: 'currency',
    currency,
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  }).format(value);
}

/**
 * A percentage, given as a percent number (60 means 60 %), with the locale's spacing: "60%" in en-US,
 * "60 %" (no-break space) in de-DE.
 *
 * @param maxFractionDigits at most this many digits after the decimal separator; 1 by default.
 * @example formatPercent(12.345, 'en-US') // "12.3%"
 */
export function formatPercent(percentNumber: number, locale: string, maxFractionDigits = 1): string {
  assertFinite(percentNumber);
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: maxFractionDigits }).format(
    percentNumber / 100,
  );
}

/**
 * A plain number with the locale's grouping.
 *
 * @param maxFractionDigits at most this many digits after the decimal separator; 1 by default.
 * @example formatNumber(1234.56, 'de-DE') // "1.234,6"
 */
export function formatNumber(value: number, locale: string, maxFractionDigits = 1): string {
  assertFinite(value);
  return numberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value);
}

/**
 * A time taken, in seconds, for "read in 0.24 s": a time too short to show at this precision reads "under
 * 0.01 s" rather than "0 s", which would look like nothing was done.
 *
 * @param maxFractionDigits digits after the decimal separator; 2 by default.
 * @example formatSeconds(0.003, 'en-US') // "under 0.01 s"
 */
export function formatSeconds(seconds: number, locale: string, maxFractionDigits = 2): string {
  assertFinite(seconds);
  const smallest = 10 ** -maxFractionDigits;
  if (seconds < smallest / 2) return `under ${formatNumber(smallest, locale, maxFractionDigits)} s`;
  return `${formatNumber(seconds, locale, maxFractionDigits)} s`;
}

/**
 * A multiple, as in "one customer is worth 3.5× a sale": one fraction digit, none from 100 up where it
 * would be noise.
 *
 * @example formatMultiple(3.46, 'en-US') // "3.5×"
 */
export function formatMultiple(value: number, locale: string): string {
  assertFinite(value);
  return `${formatNumber(value, locale, Math.abs(value) >= 100 ? 0 : 1)}×`;
}

/**
 * The currency's symbol as the reader's locale writes it, to show as an input's unit: "$" for USD in
 * en-US, "US$" for USD in en-GB, "€" for EUR in de-DE.
 *
 * @example currencyAffix('EUR', 'de-DE') // "€"
 */
export function currencyAffix(currency: CurrencyCode, locale: string): string {
  const parts = numberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'symbol',
  }).formatToParts(1);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}

/**
 * A value as it is put back into a text input: the locale's decimal separator and digits, no grouping,
 * up to 10 fraction digits, never an exponent. `parseTypedNumber` reads it back to the same value for
 * every value with at most 10 decimals (and every value whose magnitude is at least 1e6).
 *
 * @example formatInputValue(1234.5, 'de-DE') // "1234,5"
 */
export function formatInputValue(value: number, locale: string): string {
  assertFinite(value);
  return numberFormat(locale, { useGrouping: false, maximumFractionDigits: 10 }).format(value);
}
