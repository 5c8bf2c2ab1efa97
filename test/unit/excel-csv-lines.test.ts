// The CSV writer's batch form (a large data file writes chunks of rows): the same text as line by line, formula-like
// text neutralised and quoted, whole numbers written fast but as before.
import { describe, expect, it } from 'vitest';
import { excelCsvCell, excelCsvLine, excelCsvLines, type CsvRow } from '../../server/services/reporting/excel-csv.ts';

describe('excelCsvLines', () => {
  it('writes what excelCsvLine writes, row by row', () => {
    const rows: CsvRow[] = [
      ['a', 1, -2, 0, -0, 2.5, null, undefined, ''],
      ['=SUM(A1)', '-Team', "'gewoon", 'met;puntkomma', 'met "aanhalingstekens"', 'twee\r\nregels', 1234567, -1.25],
      [],
    ];
    expect(excelCsvLines(rows)).toBe(rows.map(excelCsvLine).join(''));
    expect(excelCsvLines([])).toBe('');
  });

  it('writes whole numbers as the Dutch format would, without exponent or grouping', () => {
    for (const n of [0, -0, 7, -11, 123456789, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) {
      expect(excelCsvCell(n)).toBe(new Intl.NumberFormat('nl-NL', { useGrouping: false, maximumFractionDigits: 20 }).format(n === 0 ? 0 : n));
    }
    expect(excelCsvCell(1e21)).toBe('1000000000000000000000');
  });
});
