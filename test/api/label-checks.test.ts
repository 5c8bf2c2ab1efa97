// Each check of a label file, on its own real file (written by exceljs, or as CSV bytes): the right error or
// warning, at the right row and column, and an error file changes nothing.
import { truncateSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, student as anyStudent, type TestApp } from '../support/test-app.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';
import { HEADER, labelRow, writeCsv, writeXlsx, type SheetRows } from '../support/label-files.ts';
import { dumpLabelTables, expectOnly, importer } from '../support/label-import.ts';

// The shared student() PGNs can collide over thousands of students; these are 20 apart, so never.
let pgnSerial = 0;
const student: typeof anyStudent = (over = {}) => anyStudent({ pgn: makeBsn(300_000_000 + ++pgnSerial * 20), ...over });

let t: TestApp;
let imp: ReturnType<typeof importer>;
const pop = Array.from({ length: 6 }, () => student());
const NAME = '25PZ_Jobmonitor_20231115.xlsx';
const good = (): SheetRows => [HEADER, ...pop.map((s) => labelRow({ pgn: s.pgn }))];
/** The good file with one cell changed (row and column as the spreadsheet shows them). */
const withCell = (row: number, col: number, value: SheetRows[number][number]): SheetRows => {
  const rows = good().map((r) => [...r]);
  while (rows.length < row) rows.push([]);
  rows[row - 1]![col - 1] = value;
  return rows;
};

beforeEach(() => {
  t = createTestApp({ population: pop });
  imp = importer(t);
});
afterEach(() => t.close());

describe('a clean file', () => {
  it('is accepted without findings', async () => {
    const r = await imp.xlsx(NAME, good());
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.accepted).toBe(true);
    expect(r.counts).toMatchObject({ rows: 6, matched: 6, notInPopulation: 0, zonderLabel: 0 });
  });
});

describe('what is not a finding', () => {
  it('ignores trailing empty rows and columns (cells holding only spaces)', async () => {
    const rows = good().map((r) => [...r, null, '  ']);
    for (let i = 0; i < 5; i++) rows.push(['', ' ', null]);
    const r = await imp.xlsx(NAME, rows);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.counts.rows).toBe(6);
  });

  it('reads "nee" in the bedrijfsgroep column as no bedrijfsgroep', async () => {
    const r = await imp.xlsx(NAME, withCell(3, 3, 'nee'));
    expect(r.warnings).toEqual([]);
    expect(r.counts.bedrijfsgroepRows).toBe(0);
    expect(t.repos.labels.labelsFor(r.labelFile!.id, t.keyer.pgn(pop[1]!.pgn))?.bedrijfsgroep).toBeNull();
  });
});

describe('errors refuse the file and name the place', () => {
  it('a file with only a header', async () => {
    expectOnly(await imp.xlsx(NAME, [HEADER]), 'no_rows');
  });

  it('more than one worksheet with data', async () => {
    const path = imp.path(NAME);
    await writeXlsx(path, { Blad1: good(), Blad2: [['extra']], Leeg: [] });
    const r = await imp.run(path);
    const i = expectOnly(r, 'several_sheets');
    expect(i.sheet).toBe('Blad2');
    expect(i.message.nl).toContain('"Blad1", "Blad2"');
    expect(r.accepted).toBe(false);
  });

  it('columns out of order', async () => {
    const rows = good();
    rows[0] = [...HEADER];
    [rows[0][2], rows[0][3]] = [HEADER[3]!, HEADER[2]!];
    const r = await imp.xlsx(NAME, rows);
    expect(Object.keys(r.counts.errors)).toEqual(['column_order']);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[1, 'C'], [1, 'D']]);
  });

  it('a missing column', async () => {
    expectOnly(await imp.xlsx(NAME, withCell(1, 9, null)), 'column_missing', { row: 1, column: 'I' });
  });

  it('no header row', async () => {
    expectOnly(await imp.xlsx(NAME, good().slice(1)), 'header_missing', { row: 1, column: 'A' });
  });

  it('an extra column filled', async () => {
    const i = expectOnly(await imp.xlsx(NAME, withCell(5, 11, 'opmerking')), 'extra_column', { row: 5, column: 'K' });
    expect(i.message.nl).toContain('Kolom K');
  });

  it('a PGN that fails the BSN/onderwijsnummer check', async () => {
    expectOnly(await imp.xlsx(NAME, withCell(4, 1, '123456789')), 'pgn_invalid', { row: 4, column: 'A' });
  });

  it('a PGN twice', async () => {
    const i = expectOnly(await imp.xlsx(NAME, withCell(6, 1, pop[1]!.pgn)), 'pgn_duplicate', { row: 6, column: 'A' });
    expect(i.message.nl).toContain('rij 3');
  });

  it('a row without any label', async () => {
    const rows = good();
    rows[2] = labelRow({ pgn: pop[1]!.pgn, respons: [], analyse: [] });
    expectOnly(await imp.xlsx(NAME, rows), 'no_label', { row: 3, column: 'C' });
  });

  it('a label longer than 100 characters', async () => {
    expectOnly(await imp.xlsx(NAME, withCell(3, 6, 'x'.repeat(101))), 'label_too_long', { row: 3, column: 'F' });
  });

  it('a label with a control character', async () => {
    expectOnly(await imp.xlsx(NAME, withCell(4, 7, 'Hoofd\nstraat')), 'label_control_chars', { row: 4, column: 'G' });
  });

  it('a BRIN that is not a known institution', async () => {
    const r = await imp.xlsx('11XX_Jobmonitor_20231115.xlsx', good());
    expect(Object.keys(r.counts.errors)).toEqual(['brin_unknown']);
    expect(r.accepted).toBe(false);
  });

  it('a BRIN in the name that disagrees with --brin', async () => {
    const r = await imp.xlsx(NAME, good(), { brin: '30AB' });
    expect(Object.keys(r.counts.errors)).toContain('brin_mismatch');
    expect(r.errors.find((e) => e.code === 'brin_mismatch')!.message.nl).toContain('25PZ');
  });

  it('no BRIN at all', async () => {
    const r = await imp.xlsx('labels.xlsx', good());
    expect(Object.keys(r.counts.errors)).toEqual(['brin_missing']);
  });

  it('more than 200,000 rows', async () => {
    const path = imp.path('25PZ_Jobmonitor_20231115.csv');
    const rows: SheetRows = [HEADER, ...pop.map((s) => labelRow({ pgn: s.pgn }))];
    for (let i = rows.length; i <= 200_001; i++) rows.push(['', '', '', 'x']);
    writeCsv(path, rows, 'utf8-bom');
    const r = await imp.run(path);
    expect(r.counts.errors.too_many_rows).toBe(1);
    expect(r.accepted).toBe(false);
  });

  it('more than 50 MB', async () => {
    const path = imp.path(NAME);
    writeFileSync(path, '');
    truncateSync(path, 50 * 1024 * 1024 + 1);
    expectOnly(await imp.run(path), 'file_too_large');
  });

  it('an .xls file, with the request to save as .xlsx', async () => {
    const path = imp.path('25PZ_Jobmonitor_20231115.xls');
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const r = await imp.run(path);
    expect(Object.keys(r.counts.errors)).toEqual(['unsupported_format']);
    expect(r.errors[0]!.message.nl).toContain('.xlsx');
  });
});

describe('warnings do not refuse the file', () => {
  it('a file name not of the form [BRIN]_Jobmonitor_[jjjjmmdd].xlsx', async () => {
    const r = await imp.xlsx('labels ROC Testland.xlsx', good(), { brin: '25PZ' });
    expectOnly(r, 'file_name');
    expect(r.accepted).toBe(true);
  });

  it('a bedrijfsgroep row that also has other labels, which are ignored', async () => {
    const r = await imp.xlsx(NAME, withCell(3, 3, 'Bedrijfsopleiding'));
    expectOnly(r, 'bedrijfsgroep_with_labels', { row: 3, column: 'D' });
    const stored = t.repos.labels.labelsFor(r.labelFile!.id, t.keyer.pgn(pop[1]!.pgn));
    expect(stored).toEqual({ bedrijfsgroep: 'Bedrijfsopleiding', respons: [null, null, null], analyse: [null, null, null] });
  });

  it('instellingsnaam differing between rows', async () => {
    const i = expectOnly(await imp.xlsx(NAME, withCell(5, 2, 'ROC Testlnd')), 'instellingsnaam_differs', { row: 5, column: 'B' });
    expect(i.message.nl).toContain('ROC Testlnd');
  });

  it('a formula cell, whose cached value is used', async () => {
    const r = await imp.xlsx(NAME, withCell(4, 5, { formula: 'UPPER("az9")', result: 'AZ9' }));
    expectOnly(r, 'formula', { row: 4, column: 'E' });
    expect(t.repos.labels.labelsFor(r.labelFile!.id, t.keyer.pgn(pop[2]!.pgn))?.respons[1]).toBe('AZ9');
  });

  it('a PGN not in the DUO population', async () => {
    const outsider = student({ brin: '25PZ' }).pgn;
    const r = await imp.xlsx(NAME, [...good(), labelRow({ pgn: outsider })]);
    expectOnly(r, 'not_in_population', { row: 8, column: 'A' });
    expect(r.counts).toMatchObject({ rows: 7, matched: 6, notInPopulation: 1, zonderLabel: 0 });
  });
});

describe('all at once', () => {
  it('reports every problem of a file in one go, and a refused file changes nothing', async () => {
    await imp.xlsx(NAME, good());
    const before = dumpLabelTables(t);
    const rows = withCell(4, 1, '123456789');
    rows[5]![0] = pop[1]!.pgn;
    rows[6] = [pop[5]!.pgn, 'ROC Testland'];
    const r = await imp.xlsx('25PZ_Jobmonitor_20231201.xlsx', rows);
    expect(r.counts.errors).toEqual({ pgn_invalid: 1, pgn_duplicate: 1, no_label: 1 });
    expect(r.labelFile).toBeNull();
    expect(dumpLabelTables(t)).toBe(before);
  });
});
