/**
 * Where every data line of a file went. Each non-blank line after the header is one of: part of a counted
 * order, left out by a rule (dated after today, a repeat of the header; a platform's status rules), or unreadable. So
 * `lines = orderLines + excludedLines + unreadableLines`, always; blank lines are not data lines.
 */
import { BadRows, type BadRowsSummary } from './rows';

/** The accounting as plain data a Worker can post. */
export interface LineAccounting {
  /** Data lines in the file: records after the header, blank ones not counted. */
  readonly lines: number;
  /** Lines that made up a counted order. */
  readonly orderLines: number;
  /** Lines left out by a rule. */
  readonly excludedLines: number;
  /** Each rule's reason with its count, most frequent first. */
  readonly excluded: readonly { readonly reason: string; readonly count: number }[];
  /** Lines that could not be read as an order. */
  readonly unreadableLines: number;
  /** The unreadable lines' reasons and first few examples. */
  readonly unreadable: BadRowsSummary;
}

/** Why a line was left out by a rule, as the page shows it. */
export const EXCLUDED_REASONS = {
  future: 'dated after today',
  repeatedHeader: 'the header line again (files joined into one?)',
} as const;

/**
 * Whether a record repeats the header line, as two exports joined into one file have: the same fields,
 * ignoring case and the spaces around them.
 * @example isRepeatedHeader(['Email', ' Total'], ['email', 'total']) // true
 */
export function isRepeatedHeader(fields: readonly string[], header: readonly string[]): boolean {
  const same = (a: string | undefined, b: string | undefined) =>
    (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
  return (
    fields.length === header.length &&
    header.some((h) => h.trim() !== '') &&
    fields.every((f, i) => same(f, header[i]))
  );
}

/** Counts lines as they are sorted into orders, rule exclusions and unreadable lines. */
export class LineCounter {
  readonly unreadable = new BadRows();
  readonly #excluded = new Map<string, number>();
  #lines = 0;
  #orderLines = 0;
  #excludedLines = 0;

  /** A data line was read (before it is sorted); counted apart, so the sum can be checked against it. */
  read(): void {
    this.#lines++;
  }

  /** Lines that made up a counted order. */
  order(lines = 1): void {
    this.#orderLines += lines;
  }

  /** Lines left out by a rule, for this reason. */
  exclude(reason: string, lines = 1): void {
    this.#excludedLines += lines;
    this.#excluded.set(reason, (this.#excluded.get(reason) ?? 0) + lines);
  }

  /** An unreadable line, with its 1-based line number in the file. */
  bad(line: number, reason: string, fields: readonly string[], lines = 1): void {
    this.unreadable.add(line, reason, fields, lines);
  }

  summary(): LineAccounting {
    const excluded = [...this.#excluded]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    const unreadable = this.unreadable.summary();
    return {
      lines: this.#lines,
      orderLines: this.#orderLines,
      excludedLines: this.#excludedLines,
      excluded,
      unreadableLines: unreadable.total,
      unreadable,
    };
  }
}
