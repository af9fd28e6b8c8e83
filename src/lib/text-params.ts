/**
 * Inputs whose value is not one number (a billing period, a series of counts), in the link beside the
 * numeric keys of params.ts. Each spec turns a link's text or what a person typed into the value's one
 * canonical form, or says in words why not; the empty string means "not given" and is left out of the link.
 */

/** What reading a text value gives: its canonical form, or a sentence saying what to enter instead. */
export type TextChecked =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

export interface TextParamSpec {
  /** The URL key, e.g. `survival`. */
  readonly key: string;
  /** The value when the key is absent or ignored; '' for "not given". */
  readonly default: string;
  /** Reads the key's value in a link, strictly. */
  readonly parseUrl: (value: string) => TextChecked;
  /** Reads what a person typed, leniently; '' (cleared) is always allowed and means "not given". */
  readonly parseTyped: (text: string) => TextChecked;
  /** How the value is shown in its field. */
  readonly display: (value: string) => string;
  /** What the page uses instead of an ignored value, in words: "monthly", "no counts (one churn rate)". */
  readonly describeDefault: string;
}

/** A text key the link gave but the page could not use. */
export interface IgnoredText {
  readonly key: string;
  readonly problem: { readonly code: 'malformed-text'; readonly message: string; readonly instead: string };
}

/** Each spec's value read from the query: the default where absent; ignored (and why) where malformed or repeated. */
export function decodeTextParams(
  specs: readonly TextParamSpec[],
  search: string | URLSearchParams,
): { values: Record<string, string>; ignored: IgnoredText[] } {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const values: Record<string, string> = {};
  const ignored: IgnoredText[] = [];
  for (const spec of specs) {
    const given = params.getAll(spec.key);
    values[spec.key] = spec.default;
    if (given.length === 0) continue;
    const checked: TextChecked =
      given.length > 1 ? { ok: false, message: 'Given more than once.' } : spec.parseUrl(given[0]!);
    if (checked.ok) values[spec.key] = checked.value;
    else
      ignored.push({
        key: spec.key,
        problem: { code: 'malformed-text', message: checked.message, instead: spec.describeDefault },
      });
  }
  return { values, ignored };
}

/**
 * The given (non-empty) values as query parameters, each key with `prefix` ("b." for scenario B). Commas stay
 * as they are, so a series reads `survival=1000,869,743`; everything else is percent-encoded.
 */
export function encodeTextParams(
  specs: readonly TextParamSpec[],
  values: Readonly<Record<string, string>>,
  prefix = '',
): string {
  return specs
    .filter((spec) => (values[spec.key] ?? '') !== '')
    .map(
      (spec) =>
        `${encodeURIComponent(prefix + spec.key)}=${encodeURIComponent(values[spec.key]!).replace(/%2C/g, ',')}`,
    )
    .join('&');
}

/**
 * A query string without the given keys, the rest in order: "a=1&b=2&c=3" less ["b"] is "a=1&c=3".
 * The link of a calculator that leaves a key for the model to work out (Subscriber value's churn).
 */
export function withoutKeys(query: string, keys: readonly string[]): string {
  if (keys.length === 0) return query;
  const params = new URLSearchParams(query);
  for (const key of keys) params.delete(key);
  return params.toString();
}

/** The text specs' defaults by key. */
export function defaultTexts(specs: readonly TextParamSpec[]): Record<string, string> {
  return Object.fromEntries(specs.map((spec) => [spec.key, spec.default]));
}
