/**
 * Scenarios saved in the browser (localStorage) and exported to or imported from a JSON file. Everything
 * read from storage or a file is checked before use: a corrupt, foreign or tampered value is dropped with
 * a reason, never trusted.
 */
import { isCalculatorId } from './calculator-ids';
import { detailsKey, readDetails, usableDetails, type ReportDetails } from './report-details';

/**
 * One saved state of a calculator: its name, the query string that reproduces it and, optionally, the
 * report's "Prepared for", "Prepared by" and note (absent in files written before they existed).
 */
export interface SavedScenario extends ReportDetails {
  readonly id: string;
  readonly name: string;
  readonly calculator: string;
  /** The calculator's query string, without "?". */
  readonly query: string;
  /** ISO 8601 date and time it was saved or last renamed. */
  readonly savedAt: string;
}

/** The shape of the stored value and of an exported file. */
export interface SavedFile {
  readonly app: 'customer-for-life';
  readonly version: 1;
  readonly scenarios: readonly SavedScenario[];
}

export const STORAGE_KEY = 'customer-for-life:saved-scenarios';
export const MAX_NAME_LENGTH = 80;
const MAX_QUERY_LENGTH = 2000;
const MAX_SCENARIOS = 500;
// What a query the calculators write may contain: keys, numbers, a currency code, & and =, and the commas
// between a cohort's counts (Subscriber value's `survival`).
const QUERY_PATTERN = /^[A-Za-z0-9.=&_,-]*$/;

/** A name as stored: trimmed, inner spaces collapsed, at most MAX_NAME_LENGTH characters. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

function isScenario(value: unknown): value is SavedScenario {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['id'] === 'string' &&
    v['id'].length > 0 &&
    v['id'].length <= 64 &&
    typeof v['name'] === 'string' &&
    cleanName(v['name']).length > 0 &&
    typeof v['calculator'] === 'string' &&
    isCalculatorId(v['calculator']) &&
    typeof v['query'] === 'string' &&
    v['query'].length <= MAX_QUERY_LENGTH &&
    QUERY_PATTERN.test(v['query']) &&
    typeof v['savedAt'] === 'string' &&
    !Number.isNaN(Date.parse(v['savedAt']))
  );
}

/** A sound entry rebuilt from its known fields only, its report details checked; nothing else is carried. */
function rebuild(v: SavedScenario): { scenario: SavedScenario; dropped: number } {
  const { details, dropped } = readDetails(v as unknown as Record<string, unknown>);
  const { id, name, calculator, query, savedAt } = v;
  return { scenario: { id, name: cleanName(name), calculator, query, savedAt, ...details }, dropped };
}

/** The result of reading saved scenarios: those that are sound, and a sentence about anything dropped. */
export interface ReadResult {
  readonly scenarios: SavedScenario[];
  readonly problem: string | null;
}

/** Reads stored or imported JSON. Never throws: unreadable input gives no scenarios and a reason. */
export function parseSaved(raw: string | null): ReadResult {
  if (raw === null || raw === '') return { scenarios: [], problem: null };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { scenarios: [], problem: 'The saved scenarios are not valid JSON, so they were ignored.' };
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as Record<string, unknown>)['app'] !== 'customer-for-life'
  ) {
    return {
      scenarios: [],
      problem: 'The saved data is not from this site’s calculators, so it was ignored.',
    };
  }
  const list = (data as Record<string, unknown>)['scenarios'];
  if ((data as Record<string, unknown>)['version'] !== 1 || !Array.isArray(list)) {
    return {
      scenarios: [],
      problem: 'The saved data is in a format this page does not know, so it was ignored.',
    };
  }
  const read = list.filter(isScenario).slice(0, MAX_SCENARIOS).map(rebuild);
  const scenarios = read.map((r) => r.scenario);
  const dropped = list.length - scenarios.length;
  const withBadDetails = read.filter((r) => r.dropped > 0).length;
  const problems = [
    dropped > 0
      ? `${dropped === 1 ? 'One saved scenario was' : `${dropped} saved scenarios were`} damaged or not understood, and left out.`
      : '',
    withBadDetails > 0
      ? `${withBadDetails === 1 ? 'One saved scenario’s' : `${withBadDetails} saved scenarios’`} report details (prepared for, prepared by or note) were too long or not text, and left out.`
      : '',
  ].filter(Boolean);
  return { scenarios, problem: problems.length > 0 ? problems.join(' ') : null };
}

/** The JSON written to storage and to an exported file. */
export function serialise(scenarios: readonly SavedScenario[]): string {
  const file: SavedFile = { app: 'customer-for-life', version: 1, scenarios };
  return JSON.stringify(file, null, 2);
}

/** A new scenario at the top of the list. */
export function addScenario(
  list: readonly SavedScenario[],
  entry: { name: string; calculator: string; query: string; details?: ReportDetails },
  now: Date,
  id: string,
): SavedScenario[] {
  return [
    {
      id,
      name: cleanName(entry.name) || 'Untitled scenario',
      calculator: entry.calculator,
      query: entry.query,
      savedAt: now.toISOString(),
      ...usableDetails(entry.details ?? {}),
    },
    ...list,
  ];
}

export function renameScenario(
  list: readonly SavedScenario[],
  id: string,
  name: string,
  now: Date,
): SavedScenario[] {
  const clean = cleanName(name);
  if (!clean) return [...list];
  return list.map((s) => (s.id === id ? { ...s, name: clean, savedAt: now.toISOString() } : s));
}

export function deleteScenario(list: readonly SavedScenario[], id: string): SavedScenario[] {
  return list.filter((s) => s.id !== id);
}

/** What makes two scenarios the same: calculator, figures and report details (the name and date aside). */
function sameAs(s: SavedScenario): string {
  return `${s.calculator}?${s.query}#${detailsKey(s)}`;
}

/**
 * Adds imported scenarios that are not already saved (same calculator, query and report details), keeping
 * both lists' order.
 */
export function mergeImported(
  list: readonly SavedScenario[],
  imported: readonly SavedScenario[],
): { scenarios: SavedScenario[]; added: number } {
  const seen = new Set(list.map(sameAs));
  const ids = new Set(list.map((s) => s.id));
  const fresh = imported.filter((s) => !seen.has(sameAs(s)));
  // An imported id that clashes with a saved one gets a suffix, so rename and delete stay unambiguous.
  const renamed = fresh.map((s) => (ids.has(s.id) ? { ...s, id: `${s.id}-imported` } : s));
  return { scenarios: [...list, ...renamed].slice(0, MAX_SCENARIOS), added: renamed.length };
}
