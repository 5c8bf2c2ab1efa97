// The CSV splitter that replaced csv-parse: RFC 4180 quoting, line numbers, the errors csv-parse gave, and
// record boundaries in raw bytes for cutting a file into chunks.
import { describe, expect, it } from 'vitest';
import { lastRecordEnd, splitRecords } from '../../server/services/csv-records.ts';

const split = (text: string, delimiter = ';') => {
  const records: [number, string[]][] = [];
  const r = splitRecords(text, delimiter, 1, (fields, line) => records.push([line, fields]));
  return { records, ...r };
};

describe('splitRecords', () => {
  it('splits CRLF and LF lines, skips empty lines and keeps empty fields', () => {
    expect(split('a;b\r\n\r\nc;\n;d\n').records).toEqual([[1, ['a', 'b']], [3, ['c', '']], [4, ['', 'd']]]);
  });

  it('reads quoted fields: delimiters, doubled quotes and line breaks inside, line numbers after them', () => {
    const r = split('"a;1";"say ""hi""";x\n"two\r\nlines";y\nlast;"";"q"');
    expect(r.records).toEqual([[1, ['a;1', 'say "hi"', 'x']], [2, ['two\r\nlines', 'y']], [4, ['last', '', 'q']]]);
    expect(r.error).toBeUndefined();
    expect(r.lines).toBe(4);
  });

  it('gives the same fields with either delimiter', () => {
    expect(split('"a,b",c\n', ',').records).toEqual([[1, ['a,b', 'c']]]);
  });

  it.each([
    ['a quote that is never closed', 'a;b\n"c;d\n', 2],
    ['a quote inside an unquoted field', 'a;b\nc"d;e\n', 2],
    ['characters after a closing quote', 'a;b\n"c"d;e\n', 2],
  ])('stops at %s, with its line', (_name, text, line) => {
    const r = split(text);
    expect(r.records).toEqual([[1, ['a', 'b']]]);
    expect(r.error).toMatchObject({ line });
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
