// The CSV writer: what Dutch Excel needs (;, BOM, CRLF, decimal comma), quoting of awkward text, and no cell a
// spreadsheet would run as a formula. Read back with the application's own CSV reader to prove the quoting.
import { describe, expect, it } from 'vitest';
import { CSV_BOM, excelCsvCell, excelCsvChunks, excelCsvLine, toExcelCsv, type CsvRow } from '../../server/services/reporting/excel-csv.ts';
import { readRecords } from '../../server/services/common/csv.ts';

function readBack(text: string): string[][] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const rows: string[][] = [];
  const { error } = readRecords(text.slice(1), ';', 1, (fields) => rows.push(fields));
  expect(error).toBeUndefined();
  return rows;
}

describe('excelCsvCell', () => {
  it.each([
    [12.5, '12,5'],
    [-3, '-3'],
    [-1.25, '-1,25'],
    [0, '0'],
    [-0, '0'],
    [1234567.5, '1234567,5'], // no thousands separator: Excel would read 1.234.567,5 as text in some settings
    [0.0000001, '0,0000001'], // never exponent notation
    [null, ''],
    [undefined, ''],
    ['gewoon', 'gewoon'],
    ['12.5', '12.5'], // text stays text as given
  ])('%j is written as %j', (value, text) => {
    expect(excelCsvCell(value)).toBe(text);
  });

  it.each(['=1+2', '+31 6 1234', '-5 punten', '@SUM(A1)', '\tdoor', '\rterug', '=HYPERLINK("http://x","klik")', '-'])(
    'text %j starting like a formula gets a single quote',
    (text) => {
      expect(excelCsvCell(text)).toBe(`'${text}`);
    },
  );

  it('refuses a figure that is not a number', () => {
    expect(() => excelCsvCell(Number.NaN)).toThrow(RangeError);
    expect(() => excelCsvCell(Number.POSITIVE_INFINITY)).toThrow(/round or leave out/);
  });
});

describe('excelCsvLine', () => {
  it('separates with ; and ends with CRLF', () => {
    expect(excelCsvLine(['a', 1.5, null, 'b'])).toBe('a;1,5;;b\r\n');
  });

  it('quotes text holding ;, quotes or line breaks, doubling the quotes', () => {
    expect(excelCsvLine(['a;b', 'zei "hoi"', 'regel 1\nregel 2', 'r1\r\nr2'])).toBe('"a;b";"zei ""hoi""";"regel 1\nregel 2";"r1\r\nr2"\r\n');
  });

  it('quotes every neutralised cell', () => {
    expect(excelCsvLine(['=1+2', 'x'])).toBe(`"'=1+2";x\r\n`);
    expect(excelCsvLine(['=A1;"x"'])).toBe(`"'=A1;""x"""\r\n`);
  });
});

describe('toExcelCsv', () => {
  const rows: CsvRow[] = [
    ['vraag', 'groep', 'n', 'gemiddelde', 'toelichting'],
    ['cijfer_school', 'Locatie Zuid; team "B"', 37, 6.85, 'Niet getoond i.v.m. AVG'],
    ['opmerkingen', 'Café Ünïcödé 🎓', 5, -0.5, '=cmd|\' /C calc\'!A0'],
    ['lesuren', '\tverborgen', 12, null, 'twee\r\nregels'],
  ];
  const text = toExcelCsv(rows);

  it('starts with the byte order mark once and ends every record with CRLF', () => {
    expect(text.indexOf(CSV_BOM)).toBe(0);
    expect(text.lastIndexOf(CSV_BOM)).toBe(0);
    expect(text.endsWith('\r\n')).toBe(true);
    // Every line break outside a quoted cell is CRLF: four records, four record ends.
    expect(text.split('\r\n').length - 1).toBe(5); // one more inside the quoted "twee\r\nregels"
    expect(/[^\r]\n/.test(text.replace('"twee\r\nregels"', ''))).toBe(false);
  });

  it('reads back cell for cell, with neutralised formulas and decimal commas', () => {
    expect(readBack(text)).toEqual([
      ['vraag', 'groep', 'n', 'gemiddelde', 'toelichting'],
      ['cijfer_school', 'Locatie Zuid; team "B"', '37', '6,85', 'Niet getoond i.v.m. AVG'],
      ['opmerkingen', 'Café Ünïcödé 🎓', '5', '-0,5', "'=cmd|' /C calc'!A0"],
      ['lesuren', "'\tverborgen", '12', '', 'twee\r\nregels'],
    ]);
  });

  it('leaves no cell that starts like a formula', () => {
    for (const row of readBack(text)) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
  });

  it('is the same file in pieces', () => {
    expect([...excelCsvChunks(rows)].join('')).toBe(text);
    expect([...excelCsvChunks([])]).toEqual([CSV_BOM]);
  });

  it('encodes as UTF-8 with the BOM bytes first', () => {
    const bytes = Buffer.from(toExcelCsv([['é']]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('é\r\n');
  });
});
