import { describe, expect, it } from 'vitest';
import { PRINT_ROWS, printTable } from '../../../src/lib/chart/print-table';
import type { TableModel } from '../../../src/lib/table';

/** A table of `count` rows labelled first…first+count−1, each row's cell its label. */
function table(count: number, first = 0): { table: TableModel; labels: string[] } {
  const labels = Array.from({ length: count }, (_, i) => String(first + i));
  return {
    table: { caption: 'Values', columns: [{ label: 'At', numeric: true }], rows: labels.map((l) => [l]) },
    labels,
  };
}

const kept = (model: TableModel | undefined) => model?.rows.map((row) => Number(row[0]));

describe('printTable', () => {
  it('leaves a table that fits beside the chart whole', () => {
    const { table: t, labels } = table(PRINT_ROWS);
    expect(printTable(t, labels)).toBeUndefined();
  });

  it('keeps years 0 to 10 and every fifth year of a 20-year horizon, and says so', () => {
    // 0..20 is 21 rows: 0–10 (11) and 15, 20 make 13, which fits.
    const { table: t, labels } = table(21);
    const printed = printTable(t, labels);
    expect(kept(printed)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20]);
    expect(printed?.caption).toBe(
      'Values (years 0 to 10, then every fifth year; the CSV download has every year)',
    );
  });

  it('falls back to years up to 5, then to the first year alone, on longer horizons', () => {
    // 0..50: up to 10 gives 11 + 8 = 19 rows, up to 5 gives 6 + 9 = 15, so only 0 and the multiples of 5.
    const { table: t, labels } = table(51);
    const printed = printTable(t, labels);
    expect(kept(printed)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    expect(printed?.caption).toContain('year 0, then every fifth year');
  });

  it('counts months for a monthly cohort: the first year in full, then every twelfth month', () => {
    // 0..36 months: 0–12 (13) and 24, 36 make 15 > 13; 0–6 (7) and 12, 24, 36 make 10.
    const { table: t, labels } = table(37);
    const printed = printTable(t, labels, 'month');
    expect(kept(printed)).toEqual([0, 1, 2, 3, 4, 5, 6, 12, 24, 36]);
    expect(printed?.caption).toBe(
      'Values (months 0 to 6, then every twelfth month; the CSV download has every month)',
    );
    expect(printed?.caption).not.toMatch(/year/);
  });

  it('keeps every n-th row, the first and the last, when the labels are not whole numbers', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`r${i}`]);
    const printed = printTable({ caption: 'T', columns: [{ label: 'x', numeric: false }], rows }, []);
    expect(printed?.rows[0]).toEqual(['r0']);
    expect(printed?.rows.at(-1)).toEqual(['r29']);
    expect(printed?.rows.length).toBeLessThanOrEqual(PRINT_ROWS + 1);
    expect(printed?.caption).toBe('T (selected years; the CSV download has every year)');
  });
});
