/**
 * Two scenarios in one link. Scenario A uses the spec's keys as they are, so a link with one scenario is
 * exactly what it always was; scenario B uses the same keys with a `b.` prefix (`b.retention=75`). Keys of B
 * that are absent take A's values, so a link only needs to say what differs.
 */
import type { NumberParamSpec } from './params';
import { formatUrlNumber } from './url-codec';

/** The prefix of scenario B's keys. */
export const B_PREFIX = 'b.';

/** The query string split into scenario A's keys and, when any `b.` key is present, scenario B's keys. */
export function splitScenarios(search: string | URLSearchParams): {
  a: URLSearchParams;
  b: URLSearchParams | null;
} {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const a = new URLSearchParams();
  const b = new URLSearchParams();
  let hasB = false;
  for (const [key, value] of params) {
    if (key.startsWith(B_PREFIX)) {
      hasB = true;
      b.append(key.slice(B_PREFIX.length), value);
    } else a.append(key, value);
  }
  return { a, b: hasB ? b : null };
}

/**
 * Scenario B's query with A's values filled in wherever B gives none: A's numbers and, for a calculator with
 * text inputs (a billing period, a cohort's counts), A's given texts.
 */
export function withFallback(
  b: URLSearchParams,
  a: Readonly<Record<string, number>>,
  specs: readonly NumberParamSpec[],
  aTexts: Readonly<Record<string, string>> = {},
) {
  const filled = new URLSearchParams(b);
  for (const spec of specs) {
    const value = a[spec.key];
    if (!filled.has(spec.key) && value !== undefined) filled.set(spec.key, formatUrlNumber(value));
  }
  for (const [key, text] of Object.entries(aTexts))
    if (!filled.has(key) && text !== '') filled.set(key, text);
  return filled;
}

/** Scenario B's values as `b.`-prefixed query parameters, in spec order. */
export function encodeScenarioB(
  specs: readonly NumberParamSpec[],
  values: Readonly<Record<string, number>>,
): string {
  const params = new URLSearchParams();
  for (const spec of specs) {
    const value = values[spec.key];
    if (value === undefined || !Number.isFinite(value))
      throw new RangeError(`no finite value for ${spec.key}`);
    params.set(B_PREFIX + spec.key, formatUrlNumber(value));
  }
  return params.toString();
}
