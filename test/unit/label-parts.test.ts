// Pure parts of the label import: file names, headers, PGN normalisation, column letters, CSV decoding.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseFileName } from '../../server/services/labels/file-name.ts';
import { classifyHeader } from '../../server/services/labels/columns.ts';
import { normalisePgn } from '../../server/services/labels/check-rows.ts';
import { columnLetter } from '../../server/services/labels/issues.ts';
import { decodeCsv, detectDelimiter, parseCsv } from '../../server/services/labels/read-csv.ts';

describe('file names', () => {
  it('reads BRIN and date from the manual form', () => {
    expect(parseFileName('25PZ_Jobmonitor_20231115.xlsx')).toEqual({ conforms: true, brin: '25PZ', date: '20231115' });
    expect(parseFileName('25PZ00_Jobmonitor_20231115.csv')).toEqual({ conforms: true, brin: '25PZ', date: '20231115' });
  });
  it('flags other names but still reads what it can', () => {
    expect(parseFileName('25pz labels 20231115.xlsx')).toEqual({ conforms: false, brin: '25PZ', date: '20231115' });
    expect(parseFileName('25PZ_Jobmonitor_20231315.xlsx')).toEqual({ conforms: false, brin: '25PZ', date: null });
    expect(parseFileName('25PZ_Jobmonitor_20231115.xls').conforms).toBe(false);
    expect(parseFileName('labels.xlsx')).toEqual({ conforms: false, brin: null, date: null });
  });
});

describe('headers', () => {
  it('recognises the manual headers and leaves free text alone', () => {
    expect(classifyHeader('PGN/Onderwijs nummer')).toBe('pgn');
    expect(classifyHeader('BSN')).toBe('pgn');
    expect(classifyHeader('Instelling')).toBe('instellingsnaam');
    expect(classifyHeader('Bedrijfsgroep')).toBe('bedrijfsgroep');
    expect(classifyHeader('Responslabel 2: Unit (bijv.)')).toBe('respons_2');
    expect(classifyHeader('Analyselabel 3: Team')).toBe('analyse_3');
    expect(classifyHeader('Locatie')).toBeNull();
  });
});

describe('PGN normalisation', () => {
  it('restores leading zeros Excel dropped and strips spacing', () => {
    expect(normalisePgn('12345672')).toBe('012345672');
    expect(normalisePgn(' 123 456 782 ')).toBe('123456782');
    expect(normalisePgn('S12345')).toBe('S12345');
  });
});

describe('column letters', () => {
  it('counts like a spreadsheet', () => {
    expect([0, 8, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'I', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('CSV', () => {
  it('detects UTF-8 with BOM, plain UTF-8 and Windows-1252', () => {
    const text = 'Café;Économie – ë';
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'UTF-8 (BOM)' });
    expect(decodeCsv(Buffer.from(text))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeCsv(iconv.encode(text, 'win1252'))).toEqual({ text, encoding: 'Windows-1252' });
  });
  it('uses the separator of the header line, ; by default', () => {
    expect(detectDelimiter('a;b;c\r\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2')).toBe(',');
    expect(detectDelimiter('abc')).toBe(';');
  });
  it('splits quoted fields with separators, quotes and line breaks', () => {
    expect(parseCsv('a;"b;c";"d ""e"""\r\n"x\ny";;\n', ';')).toEqual([['a', 'b;c', 'd "e"'], ['x\ny', '', '']]);
    expect(parseCsv('a;b', ';')).toEqual([['a', 'b']]);
  });
});
