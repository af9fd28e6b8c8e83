/**
 * Tests of the CSV reader (src/lib/orders/import/records.ts): fields and line numbers as written, the same
 * records whatever the chunk size, and recovery from a quote left open or an absurdly long line.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RecordReader, readAllRecords, type CsvRecord } from '../../../../src/lib/orders/import/records';

function inChunks(text: string, size: number, options = {}): CsvRecord[] {
  const records: CsvRecord[] = [];
  const reader = new RecordReader(options);
  for (let at = 0; at < text.length; at += size)
    reader.push(text.slice(at, at + size), (r) => records.push(r));
  reader.end((r) => records.push(r));
  return records;
}

describe('reading records', () => {
  it('splits fields, unquotes, and gives each record the physical line it starts on', () => {
    const text = '\uFEFFa,b,c\n1,"x, y",3\r\n2,"two\nlines",4\n3,"say ""hi""",5\n';
    expect(readAllRecords(text)).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', 'x, y', '3'], line: 2 },
      { fields: ['2', 'two\nlines', '4'], line: 3 },
      { fields: ['3', 'say "hi"', '5'], line: 5 },
    ]);
  });

  it('reads a last line without a line break, an empty last field, blank lines and old-Mac line ends', () => {
    expect(readAllRecords('a,b\n1,\n\n2,3').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '']],
      [3, ['']],
      [4, ['2', '3']],
    ]);
    expect(readAllRecords('a,b\r1,2\r').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('gives the same records as papaparse on well-formed files, in any chunk size', () => {
    const cell = fc.oneof(fc.stringMatching(/^[a-z0-9 .]{0,6}$/), fc.stringMatching(/^[a-z,"\n]{0,6}$/));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (rows, size) => {
          const text = Papa.unparse([['a', 'b', 'c'], ...rows], { newline: '\n' }) + '\n';
          const expected = Papa.parse<string[]>(text, { skipEmptyLines: false }).data.filter(
            (r, i, all) => i < all.length - 1 || r.join('') !== '',
          );
          expect(inChunks(text, size).map((r) => r.fields)).toEqual(expected);
        },
      ),
    );
  });
});

describe('recovering from one bad line', () => {
  it('reports a line with a quote left open alone and reads every line after it', () => {
    const lines = ['customer,product,amount', 'a,"Big bag,10'];
    for (let n = 0; n < 300; n++) lines.push(`c${n},bag,5`);
    const records = readAllRecords(lines.join('\n') + '\n');
    expect(records).toHaveLength(302);
    expect(records[1]).toEqual({ fields: ['a,"Big bag,10'], line: 2, broken: 'open-quote' });
    expect(records[2]).toEqual({ fields: ['c0', 'bag', '5'], line: 3 });
    expect(records.at(-1)).toEqual({ fields: ['c299', 'bag', '5'], line: 302 });
  });

  it('recovers when a later quote closes the stray one, the record having the wrong shape', () => {
    const text = 'c,p,a\na,"Big bag,10\nb,bag,5\nc,"small, red",7\n';
    expect(inChunks(text, 4).map((r) => [r.line, r.broken ?? 'ok', r.fields.length])).toEqual([
      [1, 'ok', 3],
      [2, 'open-quote', 1],
      [3, 'ok', 3],
      [4, 'ok', 3],
    ]);
  });

  it('skips a line longer than the limit without holding up the rest', () => {
    const text = `c,p,a\nx,${'z'.repeat(5000)},1\ny,p,2\n`;
    const records = inChunks(text, 700, { maxRecordChars: 1000 });
    expect(records.map((r) => [r.line, r.broken ?? 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'too-long'],
      [3, 'ok'],
    ]);
    expect(records[1]?.fields[0]?.length).toBe(200);
  });
});
