import { describe, expect, it } from 'vitest';
import {
  REPORT_DETAIL_LIMITS,
  characterCount,
  cleanLine,
  cleanNote,
  detailsKey,
  excess,
  readDetails,
  usableDetails,
} from '../../src/lib/report-details';

describe('cleaning', () => {
  it('makes a line one line: control characters and runs of space become one space', () => {
    expect(cleanLine('  Acme\t\tLtd\n\u0000 North  ')).toBe('Acme Ltd North');
  });

  it('keeps a note’s line breaks, at most one blank line in a row', () => {
    expect(cleanNote(' First  line \r\n\r\n\r\n\r\nSecond\u0007line\n ')).toBe('First line\n\nSecond line');
  });

  it('counts characters as a reader does', () => {
    expect(characterCount('café 👍')).toBe(6);
    expect(excess('preparedFor', 'a'.repeat(81))).toBe(1);
    expect(excess('preparedFor', ` ${'a'.repeat(80)} `)).toBe(0);
  });
});

describe('usableDetails', () => {
  it('keeps what is filled in and within its limit, cleaned, and leaves out the rest', () => {
    expect(usableDetails({ preparedFor: '  Acme  Ltd ', preparedBy: '   ', note: 'n'.repeat(301) })).toEqual({
      preparedFor: 'Acme Ltd',
    });
    expect(usableDetails({ note: 'n'.repeat(300) })).toEqual({ note: 'n'.repeat(300) });
  });
});

describe('readDetails', () => {
  it('reads sound values and treats missing, null and empty ones as absent', () => {
    expect(readDetails({ preparedFor: 'Acme', preparedBy: null, note: '' })).toEqual({
      details: { preparedFor: 'Acme' },
      dropped: 0,
    });
  });

  it('keeps markup as the text it is (it is printed as text, never as HTML)', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    expect(readDetails({ note: hostile }).details.note).toBe(hostile);
  });

  it('drops values that are not text or are too long, and counts them', () => {
    const result = readDetails({
      preparedFor: 42,
      preparedBy: 'b'.repeat(REPORT_DETAIL_LIMITS.preparedBy + 1),
      note: { html: '<b>hi</b>' },
    });
    expect(result).toEqual({ details: {}, dropped: 3 });
    expect(readDetails({ note: 'x'.repeat(1_000_000) }).dropped).toBe(1);
    expect(readDetails({ preparedFor: ['Acme'] }).dropped).toBe(1);
  });
});

describe('detailsKey', () => {
  it('tells details apart, whatever order their keys were written in', () => {
    expect(detailsKey({ preparedFor: 'A', note: 'n' })).toBe(detailsKey({ note: 'n', preparedFor: 'A' }));
    expect(detailsKey({ preparedFor: 'A' })).not.toBe(detailsKey({ preparedBy: 'A' }));
  });
});
