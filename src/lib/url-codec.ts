/**
 * Reads and writes a calculator's state in the query string, with URLSearchParams. Every key has a
 * default; a key that is present but malformed, out of range or repeated is ignored and reported, so
 * the page can say which key it ignored and why. Keys the calculator does not know are dropped silently,
 * so a link can never make the page echo a name an attacker chose.
 */
import { isSupportedCurrency, type CurrencyCode } from './currency';
import { defaultOf, describeProblem, parseUrlNumber, type NumberParamSpec, type Problem } from './params';
import type { IgnoredText } from './text-params';

/** The URL key that carries the display currency. */
export const CURRENCY_KEY = 'currency';

/** Why a key in the URL was ignored: a number's {@link Problem}, or a currency this site does not offer. */
export type IgnoredReason = Problem | { readonly code: 'unsupported-currency' } | IgnoredText['problem'];

/** A calculator's state read from a query string. */
export interface DecodedQuery {
  /** Every spec key, with its default where absent or ignored. */
  values: Record<string, number>;
  /** Null when absent or ignored; the caller then uses the locale's currency. */
  currency: CurrencyCode | null;
  /** The known keys that were present but ignored, in spec order, currency last. */
  ignored: { key: string; problem: IgnoredReason }[];
}

/**
 * Reads a query string (with or without its leading `?`). Keys are resolved in spec order, so `maxKey` and
 * `defaultFrom` see the values resolved before them, including a default that replaced an ignored value.
 * Keys are case-sensitive ("AOV" is an unknown key). The currency code is accepted in any letter case
 * ("eur" → EUR): it is friendlier, and a 3-letter code has no other meaning to confuse.
 *
 * @example decodeQuery(specs, '?margin=101').ignored
 *   // [{ key: 'margin', problem: { code: 'too-large', limit: 100 } }]
 */
export function decodeQuery(
  specs: readonly NumberParamSpec[],
  search: string | URLSearchParams,
): DecodedQuery {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const values: Record<string, number> = {};
  const ignored: DecodedQuery['ignored'] = [];
  for (const spec of specs) {
    const given = params.getAll(spec.key);
    const first = given[0];
    let value: number | undefined;
    if (given.length > 1) {
      ignored.push({ key: spec.key, problem: { code: 'repeated' } });
    } else if (first !== undefined) {
      const checked = parseUrlNumber(first, spec, values);
      if (checked.ok) value = checked.value;
      else ignored.push({ key: spec.key, problem: checked.problem });
    }
    values[spec.key] = value ?? defaultOf(spec, values);
  }
  return { values, currency: decodeCurrency(params.getAll(CURRENCY_KEY), ignored), ignored };
}

function decodeCurrency(given: readonly string[], ignored: DecodedQuery['ignored']): CurrencyCode | null {
  const first = given[0];
  if (first === undefined) return null;
  let problem: IgnoredReason;
  if (given.length > 1) problem = { code: 'repeated' };
  else if (first === '') problem = { code: 'empty' };
  else {
    // Upper-case only plain ASCII letters, so no Unicode case mapping can turn odd text into a code.
    const code = /^[A-Za-z]{3}$/.test(first) ? first.toUpperCase() : first;
    if (isSupportedCurrency(code)) return code;
    problem = { code: 'unsupported-currency' };
  }
  ignored.push({ key: CURRENCY_KEY, problem });
  return null;
}

/**
 * Writes every spec key in spec order, then the currency: "aov=60&margin=40&…&currency=EUR".
 * Throws a RangeError when a key's value is missing or not finite, so a broken state never becomes a link.
 */
export function encodeQuery(
  specs: readonly NumberParamSpec[],
  values: Readonly<Record<string, number>>,
  currency: CurrencyCode,
): string {
  const params = new URLSearchParams();
  for (const spec of specs) {
    const value = values[spec.key];
    if (value === undefined) throw new RangeError(`No value for ${spec.key}`);
    params.set(spec.key, formatUrlNumber(value));
  }
  params.set(CURRENCY_KEY, currency);
  return params.toString();
}

/**
 * A number as a plain decimal for a URL: `String(x)` unless that would use an exponent (1e-7, 1e+21), in
 * which case the same shortest digits are written out in full, so it reads back to exactly `x`.
 * −0 is written "0". Throws a RangeError for a number that is not finite.
 *
 * @example formatUrlNumber(1e-7) // "0.0000001"
 * @example formatUrlNumber(2.5e21) // "2500000000000000000000"
 */
export function formatUrlNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`Cannot write a number that is not finite: ${x}`);
  const text = String(x);
  const [mantissa = '', exponent] = text.split('e');
  if (exponent === undefined) return text;
  const negative = mantissa.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? mantissa.slice(1) : mantissa).split('.');
  const digits = whole + fraction;
  const pointAt = whole.length + Number(exponent);
  const plain =
    pointAt <= 0
      ? `0.${'0'.repeat(-pointAt)}${digits}`
      : pointAt >= digits.length
        ? digits + '0'.repeat(pointAt - digits.length)
        : `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return (negative ? '-' : '') + plain;
}

/**
 * A sentence that says why a URL key was ignored, e.g. "Enter at most 100." or
 * "Not a currency this calculator offers." See {@link describeProblem} for the arguments.
 */
export function describeIgnored(
  reason: IgnoredReason,
  formatLimit: (n: number) => string,
  labelOf?: (key: string) => string,
): string {
  if (reason.code === 'unsupported-currency') return 'Not a currency this calculator offers.';
  if (reason.code === 'malformed-text') return reason.message;
  return describeProblem(reason, formatLimit, labelOf);
}
