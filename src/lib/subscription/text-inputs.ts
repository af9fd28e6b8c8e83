import type { TextParamSpec } from '../text-params';
import { DEFAULT_PERIOD, PERIOD_KEY, SURVIVAL_KEY, parsePeriodParam } from './params';
import {
  describeSurvivalProblem,
  encodeSurvival,
  parseSurvivalParam,
  parseSurvivalText,
} from './survival-input';

/** The billing period: `month` or `year`, chosen from a list, so what is "typed" is one of the two. */
export const PERIOD_SPEC: TextParamSpec = {
  key: PERIOD_KEY,
  default: DEFAULT_PERIOD,
  parseUrl: (value) =>
    parsePeriodParam(value) ? { ok: true, value } : { ok: false, message: 'Enter month or year.' },
  parseTyped: (text) =>
    parsePeriodParam(text) ? { ok: true, value: text } : { ok: false, message: 'Choose month or year.' },
  display: (value) => value,
  describeDefault: 'monthly billing',
};

/** One cohort's counts N₀, N₁, …: strict in a link, lenient when typed or pasted; cleared means none. */
export const SURVIVAL_SPEC: TextParamSpec = {
  key: SURVIVAL_KEY,
  default: '',
  parseUrl: (value) => {
    const checked = parseSurvivalParam(value);
    return checked.ok
      ? { ok: true, value: encodeSurvival(checked.series) }
      : { ok: false, message: describeSurvivalProblem(checked.problem) };
  },
  parseTyped: (text) => {
    if (text.trim() === '') return { ok: true, value: '' };
    const checked = parseSurvivalText(text);
    return checked.ok
      ? { ok: true, value: encodeSurvival(checked.series) }
      : { ok: false, message: describeSurvivalProblem(checked.problem) };
  },
  // Shown with a comma and a space, as a person would type them.
  display: (value) => value.split(',').filter(Boolean).join(', '),
  describeDefault: 'no cohort counts, so one churn rate for everyone',
};

export const SUBSCRIPTION_TEXT_SPECS = [PERIOD_SPEC, SURVIVAL_SPEC] as const;
