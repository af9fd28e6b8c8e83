/**
 * Order dates in a shop's export, read with a format the person has confirmed, as day numbers: whole days
 * since 1970-01-01, the calendar date as written. The time of day (and any UTC offset) is dropped, since the
 * models count a customer's orders on one day as one transaction, and the shop's own calendar date is the
 * one that matters ("2024-03-05T23:30-05:00" is day 2024-03-05, not the UTC date 2024-03-06).
 *
 * Day numbers are integers, so they are cheap to store and compare, and the difference of two is a number
 * of days. Only years 1970–2100 are accepted: anything else in an order export is a typo or a placeholder.
 */

/** The date forms an export may use; the page asks the person to choose when more than one fits. */
export type DateFormat = 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY' | 'ISO-datetime';

/** Every {@link DateFormat}, in the order {@link detectDateFormats} lists them. */
export const DATE_FORMATS: readonly DateFormat[] = [
  'YYYY-MM-DD',
  'ISO-datetime',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD.MM.YYYY',
];

/** The earliest year accepted. */
export const MIN_YEAR = 1970;
/** The latest year accepted. */
export const MAX_YEAR = 2100;

/** A calendar date: `month` 1–12, `day` 1–31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Why a text is not a date: not in the form, a date that does not exist, or a year outside 1970–2100. */
export type DateProblem = 'form' | 'no-such-day' | 'out-of-range';

/** The outcome of {@link checkDay}. */
export type DayCheck =
  { readonly ok: true; readonly day: number } | { readonly ok: false; readonly problem: DateProblem };

// A time of day after a date, checked and then dropped: "14:05", "14:05:09", "14:05:09.123".
const TIME_24 = String.raw`(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,]\d{1,9})?)?`;
// The same with an optional AM/PM, as spreadsheets write it after a day-month date: "2:05 PM".
const TIME_12_OR_24 = String.raw`${TIME_24}(?:\s?(?<half>[AaPp][Mm]))?`;
// A UTC offset after an ISO time: "Z", "UTC", "+01:00", "+0100", " +01".
const OFFSET = String.raw`(?:\s?(?:[Zz]|UTC|[+-]\d{2}(?::?\d{2})?))?`;

/** A day-month date whose first field is `first`, with its separator and an optional time. */
function dayMonthPattern(first: 'day' | 'month', separator: string): RegExp {
  const second = first === 'day' ? 'month' : 'day';
  return new RegExp(
    String.raw`^(?<${first}>\d{1,2})${separator}(?<${second}>\d{1,2})${separator}(?<year>\d{4})(?:[ T,]+${TIME_12_OR_24})?$`,
  );
}

const PATTERNS: Readonly<Record<DateFormat, RegExp>> = {
  'YYYY-MM-DD': /^(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})$/,
  'ISO-datetime': new RegExp(
    String.raw`^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[Tt ]${TIME_24}${OFFSET}$`,
  ),
  'DD/MM/YYYY': dayMonthPattern('day', '/'),
  'MM/DD/YYYY': dayMonthPattern('month', '/'),
  'DD.MM.YYYY': dayMonthPattern('day', String.raw`\.`),
};

/**
 * True for a leap year of the Gregorian calendar.
 * @example isLeapYear(2024) // true
 * @example isLeapYear(2100) // false: divisible by 100 but not by 400
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a month of a year, 28–31.
 * @param month - 1–12
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The day number of a calendar date (days since 1970-01-01), by H. Hinnant's `days_from_civil`: integer
 * arithmetic on a calendar whose year starts in March, so the leap day is the year's last.
 * The date is assumed valid; {@link checkDay} validates before calling it.
 * @example dayFromCivil(1970, 1, 1) // 0
 * @example dayFromCivil(2024, 3, 1) // 19783
 */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The calendar date of a day number, the inverse of {@link dayFromCivil} (Hinnant's `civil_from_days`).
 * @example civilFromDay(19783) // { year: 2024, month: 3, day: 1 }
 */
export function civilFromDay(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

/**
 * Months since January 1970 of a day number: January 1970 is 0, February 1970 is 1.
 * @example monthIndex(dayFromCivil(2024, 3, 15)) // 650 = 54 × 12 + 2
 */
export function monthIndex(dayNumber: number): number {
  const { year, month } = civilFromDay(dayNumber);
  return (year - 1970) * 12 + month - 1;
}

/**
 * The day number of the first day of a month counted by {@link monthIndex}.
 * @example dayOfMonthStart(650) // dayFromCivil(2024, 3, 1) = 19783
 */
export function dayOfMonthStart(month: number): number {
  return dayFromCivil(1970 + Math.floor(month / 12), (month % 12) + 1, 1);
}

/** True when hours, minutes and seconds make a time of day (24-hour, or 1–12 with AM/PM). */
function isValidTime(groups: Readonly<Record<string, string | undefined>>): boolean {
  if (groups['hour'] === undefined) return true;
  const hour = Number(groups['hour']);
  const hourOk = groups['half'] === undefined ? hour <= 23 : hour >= 1 && hour <= 12;
  return hourOk && Number(groups['minute']) <= 59 && Number(groups['second'] ?? 0) <= 59;
}

/** A date's fields as a day number, or why they are not a date in 1970–2100. */
function civilDayCheck(year: number, month: number, day: number): DayCheck {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: 'no-such-day' };
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, problem: 'out-of-range' };
  return { ok: true, day: dayFromCivil(year, month, day) };
}

/** The number written by the digits of text[from, to), or -1 when one of them is not a digit. */
function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * "2024-03-05" read without a regular expression, as it is the common case and a file may hold millions;
 * `null` when the text is not exactly that shape (the regular expression then decides).
 */
function plainIsoDate(text: string): DayCheck | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null; // 45 is "-"
  const [year, month, day] = [digitsValue(text, 0, 4), digitsValue(text, 5, 7), digitsValue(text, 8, 10)];
  return year < 0 || month < 0 || day < 0 ? null : civilDayCheck(year, month, day);
}

/**
 * Reads a date in the given format as a day number, or says why it cannot.
 * Leading and trailing spaces are ignored; day and month may have one digit except in ISO date-times.
 * `ISO-datetime` needs a time ("2024-03-05T14:05", "2024-03-05 14:05:09", with optional seconds, fraction
 * and offset); `YYYY-MM-DD` takes the date alone, so a file of plain dates fits one format, not two. The
 * day-month formats take an optional time after the date ("05/03/2024 14:05", "3/5/2024 2:05 PM").
 * @example checkDay('29/02/2024', 'DD/MM/YYYY') // { ok: true, day: 19782 }
 * @example checkDay('29/02/2023', 'DD/MM/YYYY') // { ok: false, problem: 'no-such-day' }
 */
export function checkDay(text: string, format: DateFormat): DayCheck {
  const plain = format === 'YYYY-MM-DD' ? plainIsoDate(text) : null;
  if (plain !== null) return plain;
  const groups = PATTERNS[format].exec(text.trim())?.groups;
  if (groups === undefined || !isValidTime(groups)) return { ok: false, problem: 'form' };
  return civilDayCheck(Number(groups['year']), Number(groups['month']), Number(groups['day']));
}

/**
 * A date in the given format as a day number (days since 1970-01-01), or `null` when it is not one.
 * @example parseDay('2024-03-01', 'YYYY-MM-DD') // 19783
 * @example parseDay('2024-03-01T23:59:59+05:00', 'ISO-datetime') // 19783: the date as written
 * @example parseDay('04/03/2024', 'MM/DD/YYYY') // 19816: 3 April 2024
 */
export function parseDay(text: string, format: DateFormat): number | null {
  const checked = checkDay(text, format);
  return checked.ok ? checked.day : null;
}

/**
 * The formats under which every sample is a valid date, in {@link DATE_FORMATS} order. Blank samples are
 * skipped (a missing date is the row's problem, not the format's); with no non-blank sample, none fits.
 * @example detectDateFormats(['03/04/2024', '28/04/2024']) // ['DD/MM/YYYY']
 * @example detectDateFormats(['03/04/2024']) // ['DD/MM/YYYY', 'MM/DD/YYYY']: ask which
 */
export function detectDateFormats(samples: readonly string[]): DateFormat[] {
  const dates = samples.filter((sample) => sample.trim() !== '');
  if (dates.length === 0) return [];
  return DATE_FORMATS.filter((format) => dates.every((sample) => checkDay(sample, format).ok));
}

/**
 * A day number as an ISO date, YYYY-MM-DD.
 * @example formatDay(19783) // '2024-03-01'
 */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
