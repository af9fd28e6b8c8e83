/**
 * Numeric parameter specs shared by both calculators, and the checks and parsers that turn text (from the
 * URL or from an input) into a value that is allowed, or into a {@link Problem} that says why not.
 *
 * Nothing here knows a calculator's keys: each calculator passes its own list of {@link NumberParamSpec}.
 */

/** What one numeric input accepts: its key, default and allowed range. */
export interface NumberParamSpec {
  /** The URL key, e.g. `aov`. */
  readonly key: string;
  /** The value used when the key is absent or ignored (unless {@link defaultFrom} is given). */
  readonly default: number;
  /** The smallest allowed value (allowed itself unless {@link minExclusive}). */
  readonly min: number;
  /** The largest allowed value, always allowed itself. */
  readonly max: number;
  /** True when the value must be more than {@link min}, as in "> 0". */
  readonly minExclusive?: boolean;
  /** True when the value must be a whole number, as in "whole years". */
  readonly integer?: boolean;
  /** Another key whose (already resolved) value caps this one, e.g. churnWithProgram ≤ churn. */
  readonly maxKey?: string;
  /**
   * Default computed from already-resolved values, e.g. min(20, churn).
   * Used instead of `default` when present.
   */
  readonly defaultFrom?: (resolved: Readonly<Record<string, number>>) => number;
}

/** Why a value was not accepted. */
export type Problem =
  | { readonly code: 'empty' }
  | { readonly code: 'not-a-number' }
  | { readonly code: 'not-whole' }
  /** `inclusive` true: "at least limit"; false: "more than limit". */
  | { readonly code: 'too-small'; readonly limit: number; readonly inclusive: boolean }
  /** `otherKey` is set when the cap came from {@link NumberParamSpec.maxKey}. */
  | { readonly code: 'too-large'; readonly limit: number; readonly otherKey?: string }
  /** A URL key given more than once. */
  | { readonly code: 'repeated' };

/** The outcome of checking or parsing one value. */
export type Checked =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly problem: Problem };

const fail = (problem: Problem): Checked => ({ ok: false, problem });

/**
 * The default of `spec`, given the values resolved so far.
 *
 * @example defaultOf({ key: 'years', default: 10, min: 1, max: 50 }, {}) // 10
 */
export function defaultOf(spec: NumberParamSpec, resolved: Readonly<Record<string, number>> = {}): number {
  return spec.defaultFrom ? spec.defaultFrom(resolved) : spec.default;
}

/**
 * The values with every `maxKey` cap applied, e.g. churnWithProgram lowered to churn when churn was lowered
 * below it. Used where a set of values must be consistent even while one field shows an error.
 */
export function applyCaps(
  specs: readonly NumberParamSpec[],
  values: Readonly<Record<string, number>>,
): Record<string, number> {
  const capped: Record<string, number> = { ...values };
  for (const spec of specs) {
    const cap = spec.maxKey === undefined ? undefined : capped[spec.maxKey];
    const value = capped[spec.key];
    if (cap !== undefined && value !== undefined && value > cap) capped[spec.key] = cap;
  }
  return capped;
}

/** A number for every key of a list of specs: `{ aov: number; margin: number; … }` for `as const` specs. */
export type ParamValues<Specs extends readonly NumberParamSpec[]> = { [Key in Specs[number]['key']]: number };

/**
 * Values that hold a number for every key of `specs` (a calculator's state always does), typed as such.
 * The one place the site widens a `Record<string, number>` to a model's inputs, and it checks that it may.
 */
export function asParamValues<const Specs extends readonly NumberParamSpec[]>(
  specs: Specs,
  values: Readonly<Record<string, number>>,
): ParamValues<Specs> {
  for (const spec of specs)
    if (typeof values[spec.key] !== 'number') throw new TypeError(`no value for ${spec.key}`);
  return values as ParamValues<Specs>;
}

/** Every spec's default, resolved in order so `defaultFrom` sees the keys before it. */
export function defaultValues<const Specs extends readonly NumberParamSpec[]>(
  specs: Specs,
): ParamValues<Specs> {
  const values: Record<string, number> = {};
  for (const spec of specs) values[spec.key] = defaultOf(spec, values);
  return asParamValues(specs, values);
}

/**
 * Checks that `value` is finite, whole when the spec says so, and within range, including the cap set by
 * `spec.maxKey` when that key is in `resolved`. Where two limits apply, the tighter one is reported.
 * An accepted −0 comes back as 0, so it never shows as "-0".
 *
 * @example checkValue({ key: 'margin', default: 40, min: 0, max: 100 }, 101)
 *   // { ok: false, problem: { code: 'too-large', limit: 100 } }
 */
export function checkValue(
  spec: NumberParamSpec,
  value: number,
  resolved: Readonly<Record<string, number>> = {},
): Checked {
  if (Number.isNaN(value)) return fail({ code: 'not-a-number' });
  const tooSmall = spec.minExclusive ? value <= spec.min : value < spec.min;
  if (tooSmall) return fail({ code: 'too-small', limit: spec.min, inclusive: !spec.minExclusive });
  const cap = spec.maxKey === undefined ? undefined : resolved[spec.maxKey];
  if (spec.maxKey !== undefined && cap !== undefined && cap < spec.max && value > cap) {
    return fail({ code: 'too-large', limit: cap, otherKey: spec.maxKey });
  }
  // Infinity lands here too: a number too long to hold is simply too large.
  if (value > spec.max) return fail({ code: 'too-large', limit: spec.max });
  if (spec.integer && !Number.isInteger(value)) return fail({ code: 'not-whole' });
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * Strict parse of a value written in a URL: an optional leading `-`, digits, and at most one `.` as the
 * decimal point. No grouping, exponent, spaces, `+`, hex, `Infinity` or `NaN`.
 * `.5` and `5.` are accepted (as 0.5 and 5): JavaScript reads them plainly and people editing a link by
 * hand write them; a lone `.` is not.
 *
 * @example parseUrlNumber('12.5', spec) // { ok: true, value: 12.5 }
 * @example parseUrlNumber('1e3', spec)  // { ok: false, problem: { code: 'not-a-number' } }
 */
export function parseUrlNumber(
  text: string,
  spec: NumberParamSpec,
  resolved: Readonly<Record<string, number>> = {},
): Checked {
  if (text === '') return fail({ code: 'empty' });
  if (!/^-?(?:\d+\.?\d*|\.\d+)$/.test(text)) return fail({ code: 'not-a-number' });
  return checkValue(spec, Number(text), resolved);
}

/** The separators and digits of one locale, as `parseTypedNumber` needs them. */
interface NumberSymbols {
  readonly decimal: string;
  /** Every character accepted as a group separator. */
  readonly groups: ReadonlySet<string>;
  /** The locale's own digits 0–9 (the same as ASCII for most locales). */
  readonly digits: readonly string[];
  readonly percent: string;
}

const SPACES = [' ', '\u00a0', '\u202f'];
const APOSTROPHES = ["'", '\u2019'];
const symbolCache = new Map<string, NumberSymbols>();

function symbolsOf(locale: string): NumberSymbols {
  const cached = symbolCache.get(locale);
  if (cached) return cached;
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale);
  } catch {
    // An invalid locale tag must not break typing: read it as plain English.
    format = new Intl.NumberFormat('en-US');
  }
  const part = (parts: Intl.NumberFormatPart[], type: string, fallback: string): string =>
    parts.find((p) => p.type === type)?.value ?? fallback;
  const parts = format.formatToParts(12345.6);
  const group = part(parts, 'group', ',');
  // People type a plain space for a French narrow no-break space, and ' for a Swiss ’ (and back).
  const groupSet = SPACES.includes(group) ? SPACES : APOSTROPHES.includes(group) ? APOSTROPHES : [group];
  const digitFormat = new Intl.NumberFormat(format.resolvedOptions().locale, { useGrouping: false });
  const percentFormat = new Intl.NumberFormat(format.resolvedOptions().locale, { style: 'percent' });
  const symbols: NumberSymbols = {
    decimal: part(parts, 'decimal', '.'),
    groups: new Set(groupSet),
    digits: Array.from({ length: 10 }, (_, d) => digitFormat.format(d)),
    percent: part(percentFormat.formatToParts(0.5), 'percentSign', '%'),
  };
  symbolCache.set(locale, symbols);
  return symbols;
}

/** Invisible direction marks that Intl puts around numbers in right-to-left locales, and pastes carry. */
const BIDI_MARKS = /[\u061c\u200e\u200f]/g;

/**
 * Reads `text` with its sign, currency sign and percent sign removed, in ASCII digits; null when the
 * affixes are malformed (two signs, a sign after the number, …).
 */
function stripAffixes(text: string, symbols: NumberSymbols): { sign: string; body: string } | null {
  let rest = Array.from(text.replace(BIDI_MARKS, ''), (ch) => {
    const d = symbols.digits.indexOf(ch);
    return d >= 0 ? String(d) : ch === '\u2212' ? '-' : ch;
  })
    .join('')
    .trim();
  let sign: string | undefined;
  const takeSign = (): boolean => {
    const first = rest[0];
    if (first !== '+' && first !== '-') return true;
    if (sign !== undefined) return false;
    sign = first === '-' ? '-' : '';
    rest = rest.slice(1).trimStart();
    return true;
  };
  if (!takeSign()) return null;
  const leadingCurrency = /^\p{Sc}+\s*/u.exec(rest);
  if (leadingCurrency) rest = rest.slice(leadingCurrency[0].length);
  if (!takeSign()) return null;
  if (rest.endsWith('%') || rest.endsWith(symbols.percent)) {
    rest = rest.slice(0, rest.endsWith('%') ? -1 : -symbols.percent.length).trimEnd();
  } else if (!leadingCurrency) {
    rest = rest.replace(/\s*\p{Sc}+$/u, '');
  }
  return { sign: sign ?? '', body: rest };
}

/** True when the integer part's groups are placed as people write them: 1,234 or the Indian 12,34,567. */
function groupsAreWellPlaced(groups: readonly string[]): boolean {
  return groups.every((g, i) => {
    if (!/^\d+$/.test(g)) return false;
    if (i === 0) return g.length <= 3;
    if (i === groups.length - 1) return g.length === 3;
    return g.length === 2 || g.length === 3;
  });
}

/** Splits `text` at every character in `separators`. */
function splitAt(text: string, separators: ReadonlySet<string>): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of text) {
    if (separators.has(ch)) {
      pieces.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces;
}

/**
 * Turns the number's body (digits and separators) into a plain ASCII decimal, or null.
 * See {@link parseTypedNumber} for the rule.
 */
function normaliseBody(body: string, { decimal, groups }: NumberSymbols): string | null {
  let decimalAt = -1;
  if (decimal !== '.' && body.includes('.')) {
    const dotAt = body.indexOf('.');
    const onlyDot = dotAt === body.lastIndexOf('.') && !body.includes(decimal);
    const thenThreeDigits = /^\d{3}$/.test(body.slice(dotAt + 1));
    if (onlyDot && !thenThreeDigits)
      decimalAt = dotAt; // de-DE or fr-FR "12.5"
    else if (!groups.has('.')) return null; // fr-FR "1.234": 1.234 or 1234? Ask again rather than guess.
    // Otherwise '.' is this locale's group separator (de-DE "1.234"), checked with the groups below.
  }
  if (decimalAt < 0) {
    decimalAt = body.indexOf(decimal);
    if (decimalAt >= 0 && body.indexOf(decimal, decimalAt + 1) >= 0) return null;
  }
  const intPart = decimalAt < 0 ? body : body.slice(0, decimalAt);
  const fracPart = decimalAt < 0 ? '' : body.slice(decimalAt + 1);
  if (!/^\d*$/.test(fracPart) || (intPart === '' && fracPart === '')) return null;
  const intGroups = splitAt(intPart, groups);
  if (intGroups.length > 1 ? !groupsAreWellPlaced(intGroups) : !/^\d*$/.test(intPart)) return null;
  return `${intGroups.join('') || '0'}.${fracPart || '0'}`;
}

/**
 * Lenient parse of what a person typed into an input, in their locale. The rule:
 * - Surrounding spaces are ignored; nothing left is `empty`.
 * - An optional sign (`+`, `-`, or `−`), an optional currency sign (Unicode category Sc: $ € £ ¥ ₹ …)
 *   before or after the number, and an optional trailing `%` (or the locale's percent sign) are ignored.
 *   Letter codes ("USD", "kr") are not: they read as text.
 * - Digits are ASCII or the locale's own (e.g. Arabic-Indic in ar-EG).
 * - The locale's decimal separator may appear once. Its group separator may appear in the whole part,
 *   between groups of 3 digits (or the Indian 2, as in 12,34,567); misplaced groups are rejected, so
 *   "1,5" in en-US is refused rather than read as 15. A space-like group separator (fr-FR) accepts any
 *   space, and de-CH's ’ accepts '.
 * - Where the locale's decimal separator is not `.`, a single `.` is also read as the decimal point when
 *   the text has no other decimal separator and the `.` is not followed by exactly three digits: de-DE
 *   "12.5" → 12.5, but "1.234" → 1234 (`.` is de-DE's group separator). In a locale where `.` is not the
 *   group separator either (fr-FR), "1.234" is rejected as ambiguous.
 * - A leading or trailing separator is fine (".5", "5,"); exponents, letters, Infinity and NaN are not.
 *
 * @example parseTypedNumber('1.234,5', spec, 'de-DE') // { ok: true, value: 1234.5 }
 * @example parseTypedNumber('1,234.5', spec, 'en-US') // { ok: true, value: 1234.5 }
 */
export function parseTypedNumber(
  text: string,
  spec: NumberParamSpec,
  locale: string,
  resolved: Readonly<Record<string, number>> = {},
): Checked {
  if (text.trim() === '') return fail({ code: 'empty' });
  const symbols = symbolsOf(locale);
  const stripped = stripAffixes(text, symbols);
  const plain = stripped && normaliseBody(stripped.body, symbols);
  if (!stripped || plain === null) return fail({ code: 'not-a-number' });
  return checkValue(spec, Number(stripped.sign + plain), resolved);
}

/**
 * A plain-English sentence that says what to enter instead. It never repeats the rejected text.
 *
 * @param formatLimit formats a limit for the reader, e.g. with the locale's grouping.
 * @param labelOf names another key for people (for caps set by `maxKey`); the key itself by default.
 * @example describeProblem({ code: 'too-small', limit: 0, inclusive: false }, String)
 *   // "Enter a number more than 0."
 */
export function describeProblem(
  problem: Problem,
  formatLimit: (n: number) => string,
  labelOf: (key: string) => string = (key) => key,
): string {
  switch (problem.code) {
    case 'empty':
      return 'Enter a number.';
    case 'not-a-number':
      return 'Enter a number, not text.';
    case 'not-whole':
      return 'Enter a whole number.';
    case 'too-small':
      return problem.inclusive
        ? `Enter at least ${formatLimit(problem.limit)}.`
        : `Enter a number more than ${formatLimit(problem.limit)}.`;
    case 'too-large':
      return problem.otherKey === undefined
        ? `Enter at most ${formatLimit(problem.limit)}.`
        : `Enter at most the value of ${labelOf(problem.otherKey)} (${formatLimit(problem.limit)}).`;
    case 'repeated':
      return 'Given more than once.';
  }
}
