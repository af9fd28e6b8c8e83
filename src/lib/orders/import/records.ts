/**
 * A CSV reader that hands over one record at a time, with the physical line it starts on, and that never
 * lets one bad line take the rest of the file with it:
 *
 * - A quote left open (a stray `"` at the start of a field) would make every later line part of one field.
 *   A quoted field may hold line breaks, but when the record it makes has another number of fields than the
 *   header, or its quoted text runs over {@link MAX_QUOTED_LINE_BREAKS} line breaks or the length limit, or
 *   the file ends inside it, the record's first line is handed over alone as broken and reading starts
 *   again on the next line.
 * - A line longer than the length limit (a 5 MB field) is handed over as broken, cut short, and skipped.
 *
 * Fields are separated by commas; a field that starts with `"` is quoted, `""` in it is one `"`. Lines end in
 * `\n`, `\r\n` or (old Mac spreadsheets) a lone `\r`, decided from the first line break of the file.
 */

/** Line breaks a quoted field may hold before it is taken for a quote left open. */
export const MAX_QUOTED_LINE_BREAKS = 100;
/** Characters a record may have; a longer line is no order line. */
export const DEFAULT_MAX_RECORD_CHARS = 1 << 20;
/** Characters of a broken line kept to show the person. */
const BROKEN_TEXT_CHARS = 200;

/** Why a line could not be split into fields. */
export type BrokenReason = 'open-quote' | 'too-long';

/** One record: its fields (or, when broken, the start of its line as one field), and where it starts. */
export interface CsvRecord {
  readonly fields: string[];
  /** 1-based physical line of the file where the record starts. */
  readonly line: number;
  readonly broken?: BrokenReason;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** The outcome of parsing one record from a position. */
type Parsed =
  | {
      readonly kind: 'record';
      readonly fields: string[];
      readonly end: number;
      readonly lineBreaks: number;
      readonly quotedBreaks: boolean;
    }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'open-quote' }
  | { readonly kind: 'too-long' };

const INCOMPLETE: Parsed = { kind: 'incomplete' };
const OPEN_QUOTE: Parsed = { kind: 'open-quote' };
const TOO_LONG: Parsed = { kind: 'too-long' };

export class RecordReader {
  readonly #maxChars: number;
  /** Text not yet handed over: the start of a record that the next chunk completes. */
  #carry = '';
  /** The physical line the carried text starts on. */
  #line = 1;
  /** Fields per record, from the first record (the header); 0 until it is read. */
  #columns = 0;
  #newline = -1;
  /** Set while skipping the rest of a too-long line: its first line and the start of its text. */
  #skipping: { line: number; text: string } | null = null;
  #started = false;

  constructor(options: { maxRecordChars?: number } = {}) {
    this.#maxChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  /** Reads a chunk of the file's text and hands over every record it completes. */
  push(chunk: string, onRecord: (record: CsvRecord) => void): void {
    if (!this.#started) {
      this.#started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1); // the encoding mark, not part of a name
    }
    this.#read(this.#carry + chunk, false, onRecord);
  }

  /** The file has ended: hands over what is left. */
  end(onRecord: (record: CsvRecord) => void): void {
    this.#read(this.#carry, true, onRecord);
    this.#carry = '';
  }

  #read(text: string, final: boolean, onRecord: (record: CsvRecord) => void): void {
    if (this.#newline < 0) {
      const lf = text.indexOf('\n');
      const cr = text.indexOf('\r');
      if (lf >= 0) this.#newline = LF;
      else if (cr >= 0) this.#newline = CR;
      else if (final) this.#newline = LF;
      else {
        // No line break yet: wait for one, unless the first line is already too long to be a header.
        if (text.length <= this.#maxChars) {
          this.#carry = text;
          return;
        }
        this.#newline = LF;
      }
    }
    let at = 0;
    if (this.#skipping) {
      const stop = text.indexOf(this.#newline === LF ? '\n' : '\r');
      if (stop < 0 && !final) {
        this.#carry = '';
        return;
      }
      const { line, text: start } = this.#skipping;
      this.#skipping = null;
      onRecord({ fields: [start], line, broken: 'too-long' });
      this.#line = line + 1;
      at = stop < 0 ? text.length : stop + 1;
    }
    while (at < text.length) {
      const parsed = this.#parse(text, at, final);
      if (parsed.kind === 'incomplete') break;
      if (parsed.kind === 'record') {
        // A quoted line break that leaves the record with the wrong shape is a quote left open.
        if (parsed.quotedBreaks && this.#columns > 0 && parsed.fields.length !== this.#columns) {
          at = this.#brokenLine(text, at, onRecord);
          continue;
        }
        if (this.#columns === 0) this.#columns = parsed.fields.length;
        onRecord({ fields: parsed.fields, line: this.#line });
        this.#line += parsed.lineBreaks;
        at = parsed.end;
      } else if (parsed.kind === 'open-quote') {
        at = this.#brokenLine(text, at, onRecord);
      } else {
        const stop = text.indexOf(this.#newline === LF ? '\n' : '\r', at);
        const start = text.slice(at, at + BROKEN_TEXT_CHARS);
        if (stop < 0 && !final) {
          this.#skipping = { line: this.#line, text: start };
          this.#carry = '';
          return;
        }
        onRecord({ fields: [start], line: this.#line, broken: 'too-long' });
        this.#line++;
        at = stop < 0 ? text.length : stop + 1;
      }
    }
    this.#carry = text.slice(at);
  }

  /** Hands over the line starting at `at` alone, as a quote left open; returns where the next line starts. */
  #brokenLine(text: string, at: number, onRecord: (record: CsvRecord) => void): number {
    const stop = text.indexOf(this.#newline === LF ? '\n' : '\r', at);
    const end = stop < 0 ? text.length : stop;
    const lineText = text.slice(at, end).replace(/\r$/, '');
    onRecord({ fields: [lineText.slice(0, BROKEN_TEXT_CHARS)], line: this.#line, broken: 'open-quote' });
    this.#line++;
    return stop < 0 ? text.length : stop + 1;
  }

  /** One record from `start`, or why there is none yet. */
  #parse(text: string, start: number, final: boolean): Parsed {
    const newline = this.#newline;
    const limit = start + this.#maxChars;
    const fields: string[] = [];
    let lineBreaks = 0;
    let quotedBreaks = false;
    let at = start;
    for (;;) {
      if (at > limit) return quotedBreaks ? OPEN_QUOTE : TOO_LONG;
      if (text.charCodeAt(at) === QUOTE) {
        // A quoted field: up to the closing quote, with "" for a quote inside.
        let value = '';
        let from = at + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          const segmentEnd = close < 0 ? Math.min(text.length, limit + 1) : close;
          for (
            let index = text.indexOf(newline === LF ? '\n' : '\r', from);
            index >= 0 && index < segmentEnd;
          ) {
            lineBreaks++;
            quotedBreaks = true;
            if (lineBreaks > MAX_QUOTED_LINE_BREAKS) return OPEN_QUOTE;
            index = text.indexOf(newline === LF ? '\n' : '\r', index + 1);
          }
          if (close < 0 || close > limit) {
            if (text.length > limit) return quotedBreaks ? OPEN_QUOTE : TOO_LONG;
            return final ? OPEN_QUOTE : INCOMPLETE;
          }
          if (close + 1 >= text.length && !final) return INCOMPLETE; // is it "" or the end? the next chunk says
          value += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          at = close + 1;
          break;
        }
        // Text after the closing quote, up to the separator, is kept as written (lenient, as spreadsheets are).
        const rest = this.#unquotedEnd(text, at);
        if (rest < 0)
          return final
            ? this.#finish(fields, value + text.slice(at), text.length, lineBreaks, quotedBreaks)
            : INCOMPLETE;
        value += text.slice(at, rest);
        at = rest;
        fields.push(value);
      } else {
        const end = this.#unquotedEnd(text, at);
        if (end < 0) {
          if (!final) return text.length > limit ? TOO_LONG : INCOMPLETE;
          fields.push(text.slice(at));
          return { kind: 'record', fields, end: text.length, lineBreaks: lineBreaks + 1, quotedBreaks };
        }
        fields.push(text.slice(at, end));
        at = end;
      }
      if (at > limit) return quotedBreaks ? OPEN_QUOTE : TOO_LONG;
      const separator = text.charCodeAt(at);
      if (separator === COMMA) {
        at++;
        if (at >= text.length) {
          if (!final) return INCOMPLETE;
          fields.push('');
          return { kind: 'record', fields, end: at, lineBreaks: lineBreaks + 1, quotedBreaks };
        }
        continue;
      }
      if (at >= text.length) {
        if (!final) return INCOMPLETE;
        return { kind: 'record', fields, end: at, lineBreaks: lineBreaks + 1, quotedBreaks };
      }
      // A line break ends the record; "\r\n" counts as one.
      let end = at + 1;
      if (separator === CR && newline === LF) {
        if (text.charCodeAt(end) !== LF) {
          if (end >= text.length && !final) return INCOMPLETE;
        } else end++;
      }
      return { kind: 'record', fields, end, lineBreaks: lineBreaks + 1, quotedBreaks };
    }
  }

  #finish(fields: string[], value: string, end: number, lineBreaks: number, quotedBreaks: boolean): Parsed {
    fields.push(value);
    return { kind: 'record', fields, end, lineBreaks: lineBreaks + 1, quotedBreaks };
  }

  /** Where an unquoted field starting at `from` ends (a comma or a line break), or −1 when the text ends first. */
  #unquotedEnd(text: string, from: number): number {
    const newline = this.#newline;
    for (let index = from; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === COMMA || code === newline || code === CR) return index;
    }
    return -1;
  }
}

/**
 * Every record of a whole text, for tests and small inputs.
 * @example readAllRecords('a,b\n1,2\n').map((record) => record.fields) // [['a', 'b'], ['1', '2']]
 */
export function readAllRecords(text: string, options: { maxRecordChars?: number } = {}): CsvRecord[] {
  const records: CsvRecord[] = [];
  const reader = new RecordReader(options);
  reader.push(text, (record) => records.push(record));
  reader.end((record) => records.push(record));
  return records;
}
