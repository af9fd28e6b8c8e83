import type { TableModel } from '../table';

/** The period a chart's labels count: years (the two customer calculators) or months (a monthly subscription). */
export type TablePeriod = 'year' | 'month';

/** The most rows printed beside a chart, as tall as the chart at 7 pt; a longer table is thinned. */
export const PRINT_ROWS = 13;

/** How a long table is thinned for print: every step-th period after the first ones, which are all shown. */
const THINNING: Record<
  TablePeriod,
  { readonly step: number; readonly stepWord: string; readonly firstUpTo: readonly number[] }
> = {
  year: { step: 5, stepWord: 'fifth', firstUpTo: [10, 5, 0] },
  month: { step: 12, stepWord: 'twelfth', firstUpTo: [12, 6, 0] },
};

/**
 * The table as printed beside its chart, or undefined when it fits whole. On paper a long horizon would need
 * a second page, so the printed table keeps the first and last periods and every fifth year (twelfth month),
 * with the periods up to 10 (or else 5) years, 12 (or else 6) months, all shown when that still fits; the
 * caption says which, and that the CSV download has every period. `labels` are the chart's, which run beside
 * the table's rows; without whole-number labels, every n-th row is kept.
 */
export function printTable(
  table: TableModel,
  labels: readonly string[],
  period: TablePeriod = 'year',
): TableModel | undefined {
  const count = table.rows.length;
  if (count <= PRINT_ROWS) return undefined;
  const { step, stepWord, firstUpTo } = THINNING[period];
  const periods = labels.map(Number);
  const edge = (index: number) => index === 0 || index === count - 1;
  let rows = table.rows.filter((_, index) => edge(index) || index % Math.ceil(count / PRINT_ROWS) === 0);
  let note = `selected ${period}s`;
  if (periods.length === count && periods.every(Number.isInteger)) {
    for (const upTo of firstUpTo) {
      const kept = table.rows.filter((_, index) => {
        const at = periods[index] ?? 0;
        return edge(index) || at <= upTo || at % step === 0;
      });
      if (kept.length > PRINT_ROWS && upTo > 0) continue;
      rows = kept;
      const first = upTo > 0 ? `${period}s ${periods[0]} to ${upTo}` : `${period} ${periods[0]}`;
      note = `${first}, then every ${stepWord} ${period}`;
      break;
    }
  }
  return { ...table, caption: `${table.caption} (${note}; the CSV download has every ${period})`, rows };
}
