import { describe, expect, it } from 'vitest';
import { readCohortTable } from '../../../src/lib/subscription/cohort-table';

describe('a pasted table of cohorts', () => {
  it('reads a spreadsheet copy with labels, a header and a ragged right edge', () => {
    const text = [
      'Start month\tStart\tAfter 1\tAfter 2\tAfter 3',
      '2025-01\t1,000\t870\t745\t653',
      '2025-02\t900\t790\t690\t',
      '2025-03\t950\t820\t\t',
      '',
    ].join('\n');
    const table = readCohortTable(text);
    expect(table.cohorts).toEqual([
      { label: '2025-01', series: [1000, 870, 745, 653], line: 2 },
      { label: '2025-02', series: [900, 790, 690], line: 3 },
      { label: '2025-03', series: [950, 820], line: 4 },
    ]);
    expect(table.headerLines).toBe(1);
    expect(table.lines).toBe(4);
  });

  it('accounts for every line: cohorts + header + blank + left out', () => {
    const text = [
      'cohort,n0,n1,n2',
      '2024,1000,800,700',
      '',
      '2025,500,600', // rises
      '2026,400', // one count only
      'total',
      '2027,300,abc,100',
    ].join('\n');
    const table = readCohortTable(text);
    expect(table.cohorts.map((cohort) => cohort.label)).toEqual(['2024']);
    expect(table.cohorts[0]!.series).toEqual([1000, 800, 700]); // the year is a label, not a count
    expect(table.leftOut.map((row) => row.line)).toEqual([4, 5, 6, 7]);
    expect(table.leftOut[0]!.reason).toMatch(/higher than the one before/);
    expect(table.leftOut[2]!.reason).toMatch(/no counts/);
    expect(table.leftOut[3]!.reason).toMatch(/“abc” \(count 2\)/);
    expect(table.cohorts.length + table.headerLines + table.blankLines + table.leftOut.length).toBe(
      table.lines,
    );
    expect(table.lines).toBe(7);
  });

  it('rows of bare counts, separated by semicolons', () => {
    const table = readCohortTable('1000;631;468\n1000;869;743\n');
    expect(table.cohorts.map((cohort) => cohort.series)).toEqual([
      [1000, 631, 468],
      [1000, 869, 743],
    ]);
    expect(table.cohorts[1]!.label).toBe('Row 2');
  });

  it('an empty paste has no lines', () => {
    expect(readCohortTable('  \n')).toMatchObject({ lines: 0, cohorts: [] });
  });
});
