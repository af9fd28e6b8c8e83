/**
 * Reading one cohort's survival series N₀, N₁, …, N_k (docs/models.md §3 `survival`): from the URL, where
 * it is strictly comma-separated whole numbers, and from what a person types or pastes, which may use
 * spaces, tabs, new lines or semicolons between the counts and grouping inside them ("1,000; 869").
 */

/** The spec's limits: 2 – 61 counts (N₀ and up to 60 renewals). */
export const SURVIVAL_MIN_COUNTS = 2;
export const SURVIVAL_MAX_COUNTS = 61;

/** Why a series was not accepted; `position` is 0-based (N₀ is 0). */
export type SurvivalProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'too-few' }
  | { readonly code: 'too-many'; readonly count: number }
  | { readonly code: 'not-a-count'; readonly position: number; readonly text: string }
  | { readonly code: 'first-zero' }
  | { readonly code: 'rises'; readonly position: number };

export type SurvivalChecked =
  | { readonly ok: true; readonly series: number[] }
  | { readonly ok: false; readonly problem: SurvivalProblem };

/** Digits in groups of three with one kind of separator: 1,000 · 1.000 · 1 000 (narrow or no-break) · 1'000. */
const GROUPED_COUNT = /^\d{1,3}(?:([,.'\u00a0\u202f])\d{3})(?:\1\d{3})*$/;
const PLAIN_COUNT = /^\d+$/;
/** Separators between counts when the text has them: a comma followed by a space, white space, semicolons. */
const LOOSE_SEPARATORS = /,[ \t]+|[ \t\r\n;]+/;

/**
 * The checks every series passes, however it was written: length, N₀ > 0, never rising.
 * @example checkSurvival([1000, 1100]) // { ok: false, problem: { code: 'rises', position: 1 } }
 */
export function checkSurvival(series: readonly number[]): SurvivalChecked {
  if (series.length < SURVIVAL_MIN_COUNTS) return { ok: false, problem: { code: 'too-few' } };
  if (series.length > SURVIVAL_MAX_COUNTS) {
    return { ok: false, problem: { code: 'too-many', count: series.length } };
  }
  if (!(series[0]! > 0)) return { ok: false, problem: { code: 'first-zero' } };
  for (let t = 1; t < series.length; t++) {
    if (series[t]! > series[t - 1]!) return { ok: false, problem: { code: 'rises', position: t } };
  }
  return { ok: true, series: [...series] };
}

/** Turns tokens into counts, or says which one is not a whole number. */
function countsOf(tokens: readonly string[], grouped: boolean): SurvivalChecked {
  const series: number[] = [];
  for (const [position, token] of tokens.entries()) {
    const digits = PLAIN_COUNT.test(token)
      ? token
      : grouped && GROUPED_COUNT.test(token)
        ? token.replace(/\D/g, '')
        : null;
    const value = digits === null ? Number.NaN : Number(digits);
    if (!Number.isSafeInteger(value)) {
      return { ok: false, problem: { code: 'not-a-count', position, text: token.slice(0, 20) } };
    }
    series.push(value);
  }
  return checkSurvival(series);
}

/**
 * Reads a series as a person typed or pasted it. With spaces, tabs, new lines, semicolons or ", " between
 * the counts, a comma inside a count is grouping; with nothing but commas, the commas separate the counts.
 * @example parseSurvivalText('1,000; 869; 743') // { ok: true, series: [1000, 869, 743] }
 * @example parseSurvivalText('1000,869,743') // { ok: true, series: [1000, 869, 743] }
 */
export function parseSurvivalText(text: string): SurvivalChecked {
  const trimmed = text.trim().replace(/[,;]+$/, '');
  if (trimmed === '') return { ok: false, problem: { code: 'empty' } };
  const loose = LOOSE_SEPARATORS.test(trimmed);
  const tokens = loose ? trimmed.split(LOOSE_SEPARATORS) : trimmed.split(',');
  return countsOf(
    tokens.filter((token) => token !== ''),
    loose,
  );
}

/** Reads the URL's `survival` value: whole numbers separated by single commas, nothing else. */
export function parseSurvivalParam(value: string): SurvivalChecked {
  if (value === '') return { ok: false, problem: { code: 'empty' } };
  return countsOf(value.split(','), false);
}

/** The URL's form of a series: `1000,869,743`. */
export function encodeSurvival(series: readonly number[]): string {
  return series.join(',');
}

/**
 * The problem in words, for the message beside the field and the ignored-key notice.
 * @example describeSurvivalProblem({ code: 'rises', position: 2 }) // "The count after renewal 2 is higher …"
 */
export function describeSurvivalProblem(problem: SurvivalProblem): string {
  switch (problem.code) {
    case 'empty':
      return 'Enter the active subscribers at the start and after each renewal, for example 1000, 870, 745.';
    case 'too-few':
      return 'Enter at least two counts: the cohort at the start and after the first renewal.';
    case 'too-many':
      return `Enter at most ${SURVIVAL_MAX_COUNTS} counts (the start and 60 renewals); this has ${problem.count}.`;
    case 'not-a-count':
      return `“${problem.text}” (count ${problem.position + 1}) is not a whole number of subscribers.`;
    case 'first-zero':
      return 'The first count, the cohort at the start, must be more than 0.';
    case 'rises':
      return `The count after renewal ${problem.position} is higher than the one before it; a cohort can only shrink.`;
  }
}
