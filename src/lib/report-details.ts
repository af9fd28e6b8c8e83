/**
 * The optional lines a printed report carries about who it is for and from: "Prepared for", "Prepared by"
 * and a short note. Typed on the page, kept with saved scenarios and in exported files, never put in the
 * URL. Everything read from storage or a file is checked here: a value that is not text, or is too long,
 * is dropped rather than trusted.
 */

export interface ReportDetails {
  readonly preparedFor?: string;
  readonly preparedBy?: string;
  readonly note?: string;
}

export type ReportDetailKey = keyof ReportDetails;

export const REPORT_DETAIL_KEYS: readonly ReportDetailKey[] = ['preparedFor', 'preparedBy', 'note'];

/** The most characters each may have: a name or a firm on one printed line, a note of two or three lines. */
export const REPORT_DETAIL_LIMITS: Readonly<Record<ReportDetailKey, number>> = {
  preparedFor: 80,
  preparedBy: 80,
  note: 300,
};

// Control characters (C0, DEL and C1) other than the line feed a note may keep.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole job
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** A one-line value as printed: control characters and runs of white space made one space, trimmed. */
export function cleanLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** A note as printed: its line breaks kept (at most one blank line in a row), spaces tidied, trimmed. */
export function cleanNote(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, ' ')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function cleanDetail(key: ReportDetailKey, text: string): string {
  return key === 'note' ? cleanNote(text) : cleanLine(text);
}

/** Characters as a reader counts them: an emoji or an accented letter is one, whatever its UTF-16 length. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** How many characters over its limit a typed value is once cleaned; 0 when it fits. */
export function excess(key: ReportDetailKey, text: string): number {
  return Math.max(0, characterCount(cleanDetail(key, text)) - REPORT_DETAIL_LIMITS[key]);
}

/**
 * The details that go on the report and into a saved scenario: cleaned, and only those that are filled in
 * and within their limit (an over-long one waits, with its message beside its field, until it is shortened).
 */
export function usableDetails(typed: Readonly<Partial<Record<ReportDetailKey, string>>>): ReportDetails {
  const details: Partial<Record<ReportDetailKey, string>> = {};
  for (const key of REPORT_DETAIL_KEYS) {
    const clean = cleanDetail(key, typed[key] ?? '');
    if (clean && characterCount(clean) <= REPORT_DETAIL_LIMITS[key]) details[key] = clean;
  }
  return details;
}

/**
 * Reads the details from a stored or imported record. A missing or empty value is simply absent; one that
 * is not text or is too long is left out and counted in `dropped`, so the reader can be told.
 */
export function readDetails(record: Readonly<Record<string, unknown>>): {
  details: ReportDetails;
  dropped: number;
} {
  const details: Partial<Record<ReportDetailKey, string>> = {};
  let dropped = 0;
  for (const key of REPORT_DETAIL_KEYS) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    // The raw length is checked first, so a huge value is not worked through.
    if (typeof value !== 'string' || value.length > 4 * REPORT_DETAIL_LIMITS[key]) {
      dropped += 1;
      continue;
    }
    const clean = cleanDetail(key, value);
    if (!clean) continue;
    if (characterCount(clean) > REPORT_DETAIL_LIMITS[key]) dropped += 1;
    else details[key] = clean;
  }
  return { details, dropped };
}

/** The same details, whatever order they were typed or read in: for telling scenarios apart. */
export function detailsKey(details: ReportDetails): string {
  return JSON.stringify(REPORT_DETAIL_KEYS.map((key) => details[key] ?? ''));
}
