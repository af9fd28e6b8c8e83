/**
 * Order amounts as shops export them: "23.50", "€1.234,56", "1,234.56 USD", "(12.00)", "1 234,56 zł".
 *
 * The decimal separator is decided from the number itself, since exports differ by country:
 *
 * - with both "." and "," the last one is the decimal separator: "1.234,56" and "1,234.56" are 1234.56;
 * - a separator that occurs more than once groups thousands: "1,234,567" is 1234567;
 * - one separator occurring once is the decimal separator ("12,50" is 12.5, "0.125" is 0.125), except
 *   when exactly three digits follow it and one to three digits (not starting with 0) precede it:
 *   "1,234" and "1.234" are 1234, since shop currencies have two decimals, not three;
 * - spaces and apostrophes only ever group thousands: "1 234,56", "1'234.50".
 *
 * Groups of thousands are checked (three digits each, or the Indian 2-digit groups before the last three),
 * so "1,2,3" is not a number. Exponents, "NaN" and "Infinity" are rejected. A negative amount (leading minus
 * or accounting parentheses) is returned as a negative number: the caller decides what it means.
 */

// Currency signs: one of the usual symbols, optionally after up to three capitals ("US$", "A$", "R$",
// "HK$"); an ISO code in capitals ("EUR"); or a local abbreviation ("kr", "zł").
const SYMBOL = '[$€£¥₹₽₩₺₴₪฿₫₦₱¢]';
const CURRENCY = String.raw`(?:[A-Z]{0,3}${SYMBOL}|[A-Z]{3}|kr\.?|zł|Kč|Ft|Fr\.)`;
// Digits with separators, ending in a digit; may start with the decimal separator (".99").
const NUMBER = String.raw`[.,]?\d(?:[\d.,'’ \u00a0\u2009\u202f]*\d)?`;
const MINUS = '[-−]';
const AMOUNT = new RegExp(
  String.raw`^(?<open>\()?\s*(?<signBefore>${MINUS})?\s*(?:${CURRENCY})?\s*(?<signAfter>${MINUS})?\s*` +
    String.raw`(?<number>${NUMBER})\s*(?:${CURRENCY})?\s*(?<close>\))?$`,
  'u',
);
// Three-letter "codes" that are not currencies but would otherwise pass as one.
const NOT_A_CODE = /NAN|INF/;
// The common case, "23.50": read at once (three decimals go the long way, as "1.234" may be 1234).
const PLAIN = /^\d{1,15}(?:\.\d{1,2})?$/;

/**
 * Where the decimal separator is in a number's text, or -1 when it has none (see the module comment).
 * @example decimalSeparatorIndex('1.234,56') // 5
 * @example decimalSeparatorIndex('1,234') // -1: a thousands separator
 */
export function decimalSeparatorIndex(number: string): number {
  const lastDot = number.lastIndexOf('.');
  const lastComma = number.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return Math.max(lastDot, lastComma);
  const index = Math.max(lastDot, lastComma);
  if (index < 0) return -1;
  const separator = number.charAt(index);
  if (number.indexOf(separator) !== index) return -1; // more than once: groups thousands
  const looksLikeThousands = number.length - index - 1 === 3 && /^[1-9]\d{0,2}$/.test(number.slice(0, index));
  return looksLikeThousands ? -1 : index;
}

/**
 * The digits of an integer part written with thousands separators, or `null` when the groups are wrong.
 * Separators must all be the same character; groups after the first have three digits, or two digits
 * each before a last group of three (Indian style, "1,23,456").
 * @example integerDigits('1 234 567') // '1234567'
 * @example integerDigits('12,34') // null
 */
export function integerDigits(integerPart: string): string | null {
  if (integerPart === '') return '0';
  const separator = /\D/u.exec(integerPart)?.[0];
  if (separator === undefined) return integerPart;
  const groups = integerPart.split(separator);
  const [first, ...rest] = groups;
  const last = rest.at(-1);
  if (first === undefined || !/^\d{1,3}$/.test(first) || last === undefined || !/^\d{3}$/.test(last)) {
    return null;
  }
  const middle = rest.slice(0, -1);
  const threes = middle.every((group) => /^\d{3}$/.test(group));
  const indian = middle.every((group) => /^\d{2}$/.test(group)) && first.length <= 2;
  return threes || indian ? groups.join('') : null;
}

/**
 * The value of a number's text (digits and separators, no sign or currency), or `null`.
 * @example numberValue('1.234,56') // 1234.56
 */
export function numberValue(number: string): number | null {
  const decimalIndex = decimalSeparatorIndex(number);
  const integerPart = decimalIndex < 0 ? number : number.slice(0, decimalIndex);
  const fraction = decimalIndex < 0 ? '' : number.slice(decimalIndex + 1);
  if (!/^\d*$/.test(fraction)) return null; // a separator after the decimal one
  const digits = integerDigits(integerPart);
  if (digits === null) return null;
  const value = Number(fraction === '' ? digits : `${digits}.${fraction}`);
  return Number.isFinite(value) ? value : null;
}

/**
 * An order amount as a number of currency units, or `null` when the text is not an amount.
 * @returns the amount; negative for "-12.50", "(12.50)" or "-$12.50" (refunds); never -0, NaN or ±Infinity
 * @example parseAmount('$1,234.56') // 1234.56
 * @example parseAmount('1 234,56 €') // 1234.56
 * @example parseAmount('12,50') // 12.5
 * @example parseAmount('(12.50)') // -12.5
 * @example parseAmount('1e5') // null
 */
export function parseAmount(text: string): number | null {
  if (PLAIN.test(text)) return Number(text);
  const match = AMOUNT.exec(text.trim());
  const groups = match?.groups;
  if (
    match === null ||
    groups === undefined ||
    NOT_A_CODE.test(match[0].replace(groups['number'] ?? '', ''))
  ) {
    return null;
  }
  const { open, close, signBefore, signAfter, number } = groups;
  if ((open === undefined) !== (close === undefined)) return null; // unbalanced parenthesis
  const signs = [open, signBefore, signAfter].filter((part) => part !== undefined).length;
  if (signs > 1 || number === undefined) return null; // "-(12)" or "--12": not how anyone writes money
  const value = numberValue(number);
  if (value === null) return null;
  return signs === 1 && value !== 0 ? -value : value;
}
