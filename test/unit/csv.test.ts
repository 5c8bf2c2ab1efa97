// The one CSV reader (papaparse underneath): RFC 4180 quoting, line numbers kept through quoted line breaks,
// the structural errors that stop a read, the delimiter rule, and record boundaries in raw bytes for chunks.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, lastRecordEnd, readRecords, type Delimiter } from '../../server/services/common/csv.ts';

const split = (text: string, delimiter: Delimiter = ';') => {
  const records: [number, string[]][] = [];
  const r = readRecords(text, delimiter, 1, (fields, line) => records.push([line, fields]));
  return { records, ...r };
};

describe('readRecords', () => {
  it('splits CRLF and LF files, keeps empty lines as one empty field and keeps empty fields', () => {
    expect(split('a;b\r\n\r\nc;\r\n;d\r\n').records).toEqual([[1, ['a', 'b']], [2, ['']], [3, ['c', '']], [4, ['', 'd']]]);
    expect(split('a;b\n\nc;\n;d').records).toEqual([[1, ['a', 'b']], [2, ['']], [3, ['c', '']], [4, ['', 'd']]]);
  });

  it('reads a file that mixes CRLF and LF lines', () => {
    expect(split('a;b\nc;d\r\ne;f\n').records).toEqual([[1, ['a', 'b']], [2, ['c', 'd']], [3, ['e', 'f']]]);
    expect(split('a;"b"\r\n"x\ny";;\n').records).toEqual([[1, ['a', 'b']], [2, ['x\ny', '', '']]]);
  });

  it('reads quoted fields: delimiters, doubled quotes and line breaks inside, line numbers after them', () => {
    const r = split('"a;1";"say ""hi""";x\n"two\nlines";y\nlast;"";"q"');
    expect(r.records).toEqual([[1, ['a;1', 'say "hi"', 'x']], [2, ['two\nlines', 'y']], [4, ['last', '', 'q']]]);
    expect(r.error).toBeUndefined();
    expect(r.lines).toBe(4);
  });

  it('reads a quoted last field in a CRLF file', () => {
    expect(split('"a";"b"\r\n"c\r\nd";"e"\r\n').records).toEqual([[1, ['a', 'b']], [2, ['c\r\nd', 'e']]]);
  });

  it('gives the same fields with either delimiter', () => {
    expect(split('"a,b",c\n', ',').records).toEqual([[1, ['a,b', 'c']]]);
  });

  it('takes a quote inside an unquoted field as a character', () => {
    expect(split('a;b\nc"d;e\n').records).toEqual([[1, ['a', 'b']], [2, ['c"d', 'e']]]);
  });

  it.each([
    ['a quote that is never closed', 'a;b\n"c;d\n', 2],
    ['characters after a closing quote', 'a;b\n"c"d;e\n', 2],
  ])('stops at %s, with its line', (_name, text, line) => {
    const r = split(text);
    expect(r.records).toEqual([[1, ['a', 'b']]]);
    expect(r.error).toMatchObject({ line });
  });
});

describe('detectDelimiter', () => {
  it('takes the separator the first line holds most of, ; when none', () => {
    expect(detectDelimiter('a;b;c\r\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('abc')).toBe(';');
  });
});

describe('lastRecordEnd', () => {
  const bytes = (s: string) => Buffer.from(s);
  it('ends after the last line feed outside quotes', () => {
    expect(lastRecordEnd(bytes('a;b\nc;d\ne;'), false)).toEqual({ end: 8, insideQuotes: false });
    expect(lastRecordEnd(bytes('a;"b\nc"\nd;"e\nf'), false)).toEqual({ end: 8, insideQuotes: true });
    expect(lastRecordEnd(bytes('"a""b\n'), false)).toEqual({ end: -1, insideQuotes: true });
    expect(lastRecordEnd(bytes('"a""b"\n'), false)).toEqual({ end: 7, insideQuotes: false });
  });
});
