/**
 * Tests of date reading (src/lib/orders/import/dates.ts). Day numbers are worked by hand from 1970-01-01 = 0:
 * 2024-01-01 is 19723 (54 years, 13 of them leap: 54 × 365 + 13), so 2024-03-01 is 19723 + 31 + 29 = 19783.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDay,
  civilFromDay,
  DATE_FORMATS,
  dayFromCivil,
  dayOfMonthStart,
  daysInMonth,
  detectDateFormats,
  formatDay,
  isLeapYear,
  monthIndex,
  parseDay,
  type DateFormat,
} from '../../../../src/lib/orders/import/dates';

const MARCH_1_2024 = 19783;

/** A calendar date written in each format (ISO with a time, since it needs one). */
function written(year: number, month: number, day: number): Record<DateFormat, string> {
  const [y, m, d] = [String(year), String(month).padStart(2, '0'), String(day).padStart(2, '0')];
  return {
    'YYYY-MM-DD': `${y}-${m}-${d}`,
    'ISO-datetime': `${y}-${m}-${d}T13:45:00Z`,
    'DD/MM/YYYY': `${d}/${m}/${y}`,
    'MM/DD/YYYY': `${m}/${d}/${y}`,
    'DD.MM.YYYY': `${d}.${m}.${y}`,
  };
}

describe('day numbers', () => {
  it('count days from 1970-01-01', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(1970, 12, 31)).toBe(364);
    expect(dayFromCivil(2024, 1, 1)).toBe(19723);
    expect(dayFromCivil(2024, 3, 1)).toBe(MARCH_1_2024);
    expect(civilFromDay(MARCH_1_2024)).toEqual({ year: 2024, month: 3, day: 1 });
  });

  it('agree with Date.UTC on every day from 1970 to 2100', () => {
    const last = dayFromCivil(2100, 12, 31);
    for (let day = 0; day <= last; day++) {
      const date = new Date(day * 86_400_000);
      const civil = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      expect(civilFromDay(day)).toEqual(civil);
      expect(dayFromCivil(civil.year, civil.month, civil.day)).toBe(day);
    }
  });

  it('know leap years and month lengths', () => {
    expect([2023, 2024, 2000, 2100].map(isLeapYear)).toEqual([false, true, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it('give month indices from January 1970, and the first day of each month', () => {
    expect(monthIndex(0)).toBe(0);
    expect(monthIndex(MARCH_1_2024 + 14)).toBe(54 * 12 + 2);
    expect(dayOfMonthStart(54 * 12 + 2)).toBe(MARCH_1_2024);
    expect(monthIndex(MARCH_1_2024 - 1)).toBe(54 * 12 + 1); // 29 February
  });

  it('format as ISO dates', () => {
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(MARCH_1_2024)).toBe('2024-03-01');
    expect(formatDay(MARCH_1_2024 - 1)).toBe('2024-02-29');
  });
});

describe('parseDay', () => {
  it('reads the same date in every format as the same day', () => {
    for (const [format, text] of Object.entries(written(2024, 3, 1))) {
      expect(parseDay(text, format as DateFormat), format).toBe(MARCH_1_2024);
    }
  });

  it('drops the time of day and the offset: the date as written counts', () => {
    expect(parseDay('2024-03-01T23:59:59+05:00', 'ISO-datetime')).toBe(MARCH_1_2024);
    expect(parseDay('2024-03-01T00:00-11:00', 'ISO-datetime')).toBe(MARCH_1_2024);
    expect(parseDay('2024-03-01 14:22:10 +0100', 'ISO-datetime')).toBe(MARCH_1_2024);
    expect(parseDay('2024-03-01 14:22:10', 'ISO-datetime')).toBe(MARCH_1_2024);
    expect(parseDay('2024-03-01T14:22:10.123456Z', 'ISO-datetime')).toBe(MARCH_1_2024);
    expect(parseDay('2024-03-01T14:22', 'ISO-datetime')).toBe(MARCH_1_2024);
    expect(parseDay('01/03/2024 14:05', 'DD/MM/YYYY')).toBe(MARCH_1_2024);
    expect(parseDay('3/1/2024 2:05 PM', 'MM/DD/YYYY')).toBe(MARCH_1_2024);
    expect(parseDay('01.03.2024 14:05:09', 'DD.MM.YYYY')).toBe(MARCH_1_2024);
  });

  it('reads one-digit days and months in the day-month forms, and ignores surrounding spaces', () => {
    expect(parseDay('1/3/2024', 'DD/MM/YYYY')).toBe(MARCH_1_2024);
    expect(parseDay('3/1/2024', 'MM/DD/YYYY')).toBe(MARCH_1_2024);
    expect(parseDay(' 2024-03-01 ', 'YYYY-MM-DD')).toBe(MARCH_1_2024);
  });

  it('tells 03/04/2024 apart by the format chosen: 3 April or 4 March', () => {
    expect(parseDay('03/04/2024', 'DD/MM/YYYY')).toBe(MARCH_1_2024 + 31 + 2); // 3 April
    expect(parseDay('03/04/2024', 'MM/DD/YYYY')).toBe(MARCH_1_2024 + 3); // 4 March
  });

  it('accepts 29 February in leap years only (2000 yes, 2100 no)', () => {
    expect(checkDay('2024-02-29', 'YYYY-MM-DD')).toEqual({ ok: true, day: MARCH_1_2024 - 1 });
    expect(checkDay('2000-02-29', 'YYYY-MM-DD').ok).toBe(true);
    expect(checkDay('2023-02-29', 'YYYY-MM-DD')).toEqual({ ok: false, problem: 'no-such-day' });
    expect(checkDay('29.02.2100', 'DD.MM.YYYY')).toEqual({ ok: false, problem: 'no-such-day' });
  });

  it('rejects days and months that do not exist', () => {
    for (const text of ['2024-13-01', '2024-00-10', '2024-04-31', '2024-01-00', '2024-01-32']) {
      expect(checkDay(text, 'YYYY-MM-DD'), text).toEqual({ ok: false, problem: 'no-such-day' });
    }
    expect(checkDay('31/04/2024', 'DD/MM/YYYY')).toEqual({ ok: false, problem: 'no-such-day' });
    expect(checkDay('13/01/2024', 'MM/DD/YYYY')).toEqual({ ok: false, problem: 'no-such-day' });
  });

  it('accepts years 1970–2100 only', () => {
    expect(parseDay('1970-01-01', 'YYYY-MM-DD')).toBe(0);
    expect(parseDay('2100-12-31', 'YYYY-MM-DD')).toBe(dayFromCivil(2100, 12, 31));
    expect(checkDay('1969-12-31', 'YYYY-MM-DD')).toEqual({ ok: false, problem: 'out-of-range' });
    expect(checkDay('01/01/2101', 'DD/MM/YYYY')).toEqual({ ok: false, problem: 'out-of-range' });
    expect(checkDay('0000-01-01', 'YYYY-MM-DD')).toEqual({ ok: false, problem: 'out-of-range' });
  });

  it('rejects times that are not times', () => {
    for (const text of ['2024-03-01T24:00', '2024-03-01T12:60', '2024-03-01T12:30:61', '2024-03-01T']) {
      expect(checkDay(text, 'ISO-datetime'), text).toEqual({ ok: false, problem: 'form' });
    }
    expect(checkDay('01/03/2024 13:05 PM', 'DD/MM/YYYY')).toEqual({ ok: false, problem: 'form' });
  });

  it('rejects other forms, text, and the date alone under ISO-datetime', () => {
    const wrong: [string, DateFormat][] = [
      ['2024-03-01', 'ISO-datetime'],
      ['2024-03-01T10:00', 'YYYY-MM-DD'],
      ['01/03/2024', 'YYYY-MM-DD'],
      ['2024/03/01', 'YYYY-MM-DD'],
      ['01-03-2024', 'DD/MM/YYYY'],
      ['01.03.24', 'DD.MM.YYYY'],
      ['1 March 2024', 'DD/MM/YYYY'],
      ['', 'YYYY-MM-DD'],
      ['yesterday', 'MM/DD/YYYY'],
      ['2024-03-01x', 'YYYY-MM-DD'],
      ['２０２４-03-01', 'YYYY-MM-DD'], // full-width digits
    ];
    for (const [text, format] of wrong) expect(parseDay(text, format), `${text} as ${format}`).toBeNull();
  });

  it('round-trips every valid date in every format', () => {
    const day = fc.integer({ min: 0, max: dayFromCivil(2100, 12, 31) });
    fc.assert(
      fc.property(day, fc.constantFrom(...DATE_FORMATS), (dayNumber, format) => {
        const { year, month, day: dayOfMonth } = civilFromDay(dayNumber);
        expect(parseDay(written(year, month, dayOfMonth)[format], format)).toBe(dayNumber);
      }),
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...DATE_FORMATS), (text, format) => {
        const day = parseDay(text, format);
        expect(day === null || Number.isInteger(day)).toBe(true);
      }),
    );
  });
});

describe('detectDateFormats', () => {
  it('lists every format all samples fit, so 03/04/2024 alone asks the person', () => {
    expect(detectDateFormats(['03/04/2024'])).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
    expect(detectDateFormats(['03/04/2024', '12/11/2024'])).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
  });

  it('settles the question with one day above 12', () => {
    expect(detectDateFormats(['03/04/2024', '28/04/2024'])).toEqual(['DD/MM/YYYY']);
    expect(detectDateFormats(['03/04/2024', '04/28/2024'])).toEqual(['MM/DD/YYYY']);
  });

  it('tells plain ISO dates from ISO date-times, and dotted dates from both', () => {
    expect(detectDateFormats(['2024-03-01', '2024-12-31'])).toEqual(['YYYY-MM-DD']);
    expect(detectDateFormats(['2024-03-01T10:00:00Z', '2024-03-02 09:00:00'])).toEqual(['ISO-datetime']);
    expect(detectDateFormats(['01.03.2024'])).toEqual(['DD.MM.YYYY']);
  });

  it('skips blank samples, and finds nothing for mixed, wrong or no samples', () => {
    expect(detectDateFormats(['', '2024-03-01', '  '])).toEqual(['YYYY-MM-DD']);
    expect(detectDateFormats(['2024-03-01', '01/03/2024'])).toEqual([]);
    expect(detectDateFormats(['2024-02-30'])).toEqual([]);
    expect(detectDateFormats(['', ' '])).toEqual([]);
    expect(detectDateFormats([])).toEqual([]);
  });
});
