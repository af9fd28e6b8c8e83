/**
 * A pasted table of several cohorts: one row per start month, the active subscribers at the start and
 * after each renewal, with a ragged right edge (younger cohorts have fewer counts). Cells are separated by
 * tabs (a spreadsheet's copy), semicolons or commas; a first cell that is not a count is the row's label
 * (a month such as "2025-03" or "March 2025"); a first row of words is a header. Every line is accounted
 * for: read as a cohort, a header, blank, or left out with the reason.
 */

import { readAllRecords } from '../orders/import/records';
import { checkSurvival, describeSurvivalProblem, type SurvivalProblem } from './survival-input';

export interface TableCohort {
  /** The row's label, or "Row n" when it has none. */
  label: string;
  series: number[];
  /** 1-based line of the pasted text. */
  line: number;
}

export interface LeftOutRow {
  line: number;
  reason: string;
}

export interface CohortTable {
  cohorts: TableCohort[];
  /** Lines read as a header (at most the first). */
  headerLines: number;
  blankLines: number;
  leftOut: LeftOutRow[];
  /** Every line of the text: cohorts + header + blank + left out. */
  lines: number;
}

const COUNT = /^\d+$/;

/** Splits one line into cells by its own separator: tab, then semicolon, then comma (with quotes). */
function cellsOf(line: string): string[] {
  if (line.includes('\t')) return line.split('\t');
  if (line.includes(';')) return line.split(';');
  return readAllRecords(line)[0]?.fields ?? [line];
}

/** The counts of one row: cells up to the first empty one (the ragged edge); null with why when not counts. */
function seriesOf(
  cells: readonly string[],
): { series: number[] } | { problem: SurvivalProblem | 'no-counts' } {
  const series: number[] = [];
  for (const [position, raw] of cells.entries()) {
    const cell = raw.trim().replace(/[\s,.'\u00a0\u202f](?=\d{3}(?:\D|$))/g, '');
    if (cell === '') {
      if (cells.slice(position).every((rest) => rest.trim() === '')) break;
      return { problem: { code: 'not-a-count', position, text: '(empty)' } };
    }
    if (!COUNT.test(cell))
      return { problem: { code: 'not-a-count', position, text: raw.trim().slice(0, 20) } };
    series.push(Number(cell));
  }
  if (series.length === 0) return { problem: 'no-counts' };
  const checked = checkSurvival(series);
  return checked.ok ? { series: checked.series } : { problem: checked.problem };
}

/**
 * Reads a pasted table of cohorts.
 * @example readCohortTable('2025-01\t100\t80\n2025-02\t90').cohorts.length // 1 (the second has one count)
 */
export function readCohortTable(text: string): CohortTable {
  const table: CohortTable = { cohorts: [], headerLines: 0, blankLines: 0, leftOut: [], lines: 0 };
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  table.lines = text.trim() === '' ? 0 : lines.length;
  if (table.lines === 0) return table;
  const rows = lines.map((line) => (line.trim() === '' ? null : cellsOf(line)));
  // one rule for the whole table, so a year label (2019) is not read as a count on its own row
  const labelled = rows.some((cells) => cells !== null && !isCount(cells[0] ?? ''));
  for (const [index, cells] of rows.entries()) {
    const lineNumber = index + 1;
    if (cells === null) {
      table.blankLines++;
      continue;
    }
    const first = (cells[0] ?? '').trim();
    const counts = labelled ? cells.slice(1) : cells;
    const read = seriesOf(counts);
    if ('series' in read) {
      const label = labelled && first !== '' ? first.slice(0, 40) : `Row ${lineNumber}`;
      table.cohorts.push({ label, series: read.series, line: lineNumber });
      continue;
    }
    // a first line of words is the header, not a broken cohort
    if (index === firstContentLine(rows) && !counts.some(isCount)) {
      table.headerLines++;
      continue;
    }
    const reason =
      read.problem === 'no-counts' ? 'It has a label but no counts.' : describeSurvivalProblem(read.problem);
    table.leftOut.push({ line: lineNumber, reason });
  }
  return table;
}

/** A cell that holds a whole number, grouping allowed. */
function isCount(cell: string): boolean {
  return COUNT.test(cell.trim().replace(/[,.'\u00a0\u202f ]/g, ''));
}

function firstContentLine(rows: readonly (string[] | null)[]): number {
  return rows.findIndex((cells) => cells !== null);
}
