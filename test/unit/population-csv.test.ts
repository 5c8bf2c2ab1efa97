// The DUO population file: formats it accepts, every row check with its line number, and all problems at once.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { MAX_LISTED_PROBLEMS, parseDate, readPopulationCsv } from '../../server/services/population/rows.ts';
import { detectDelimiter } from '../../server/services/common/csv.ts';
import type { PopulationRecord } from '../../server/services/population/records.ts';
import { student } from '../support/test-app.ts';
import { DUO_COLUMNS, populationCsv, writePopulationFile } from '../support/population-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'jm-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => join(dir, `p${n++}.csv`);

async function read(path: string) {
  const records: PopulationRecord[] = [];
  const result = await readPopulationCsv(path, (r) => records.push(r));
  return { ...result, records };
}

describe('formats', () => {
  const people = [student({ achternaam: 'Berg', tussenvoegsel: 'van der', geslacht: null }), student({ achternaam: "D'Souza; Jr", geslacht: 'X' })];

  it.each([
    ['";" with BOM', { delimiter: ';', bom: true }],
    ['";" without BOM', { delimiter: ';', bom: false }],
    ['"," with BOM', { delimiter: ',', bom: true }],
    ['"," without BOM, DD-MM-YYYY dates', { delimiter: ',', bom: false, dateStyle: 'dutch' }],
    ['columns in another order, upper case', { columns: [...DUO_COLUMNS].reverse().map((c) => c.toUpperCase()) }],
  ] as const)('reads %s', async (_name, opts) => {
    const r = await read(writePopulationFile(file(), people, opts));
    expect(r.problems).toEqual([]);
    expect(r.rows).toBe(2);
    expect(r.records.map((x) => [x.pgn, x.achternaam, x.tussenvoegsel, x.geboortedatum, x.geslacht])).toEqual(
      people.map((p) => [p.pgn, p.achternaam, p.tussenvoegsel, p.geboortedatum, p.geslacht]),
    );
  });

  it('reads a CSV written by a spreadsheet library (exceljs)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('populatie');
    ws.addRow([...DUO_COLUMNS]);
    for (const p of people) ws.addRow(DUO_COLUMNS.map((c) => String(p[c] ?? '')));
    const path = file();
    await wb.csv.writeFile(path, { formatterOptions: { delimiter: ',' } });
    const r = await read(path);
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => x.achternaam)).toEqual(people.map((p) => p.achternaam));
  });

  it('detects the delimiter from the header', () => {
    expect(detectDelimiter('pgn;brin;crebo')).toBe(';');
    expect(detectDelimiter('pgn,brin,crebo')).toBe(',');
  });

  it('accepts a BRIN with a location suffix and keeps the institution part', async () => {
    const r = await read(writePopulationFile(file(), [student({ brin: '25PZ01' })]));
    expect(r.problems).toEqual([]);
    expect(r.records[0]!.brin).toBe('25PZ');
  });
});

describe('row checks', () => {
  it.each([
    ['pgn', { pgn: '123456789' }], // fails the 11-proef
    ['pgn', { pgn: '12345678' }], // 8 digits
    ['pgn', { pgn: '101101103' }], // onderwijsnummer with a wrong check
    ['brin', { brin: '2PZ' }],
    ['brin', { brin: '25P1' }],
    ['crebo', { crebo: '2565' }],
    ['crebo', { crebo: '25a55' }],
    ['leerweg', { leerweg: 'BOLL' as 'BOL' }],
    ['niveau', { niveau: 5 }],
    ['niveau', { niveau: 0 }],
    ['geslacht', { geslacht: 'Q' as 'M' }],
    ['achternaam', { achternaam: '' }],
    ['achternaam', { achternaam: "'-" }],
    ['geboortedatum', { geboortedatum: '2005-02-30' }],
    ['geboortedatum', { geboortedatum: '30-02-2005' }],
    ['geboortedatum', { geboortedatum: '2005/03/09' }],
    ['geboortedatum', { geboortedatum: '' }],
    ['instellingsnaam', { instellingsnaam: '' }],
  ])('reports a bad %s with its line: %j', async (column, over) => {
    const r = await read(writePopulationFile(file(), [student(), student(over), student()]));
    expect(r.problemCount).toBe(1);
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, column })]);
  });

  it('accepts an onderwijsnummer, an empty geslacht and an empty tussenvoegsel and voorletters', async () => {
    const r = await read(writePopulationFile(file(), [student({ pgn: '101101102', geslacht: null, tussenvoegsel: '', voorletters: '' })]));
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(1);
  });

  it('refuses the same PGN twice at one institution, but allows it at two', async () => {
    const a = student({ brin: '25PZ' });
    const r = await read(writePopulationFile(file(), [a, student(), { ...a, achternaam: 'Anders' }, { ...a, brin: '30XX' }]));
    expect(r.problems).toEqual([expect.objectContaining({ line: 4, column: 'pgn', message: expect.stringContaining('regel 2') })]);
  });

  it('reports every problem at once, counts them all and lists a capped number', async () => {
    const bad = Array.from({ length: MAX_LISTED_PROBLEMS + 10 }, () => student({ crebo: '1' }));
    const r = await read(writePopulationFile(file(), [student(), student({ niveau: 9, leerweg: 'XXX' as 'BOL' }), ...bad]));
    expect(r.problemCount).toBe(MAX_LISTED_PROBLEMS + 12);
    expect(r.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(r.problems.slice(0, 3).map((p) => [p.line, p.column])).toEqual([[3, 'leerweg'], [3, 'niveau'], [4, 'crebo']]);
    expect(r.records).toHaveLength(1); // records stop at the first problem: the file will be rejected
  });

  it('reports missing header columns, and rows with the wrong number of fields', async () => {
    const noDate = populationCsv([student()], { columns: DUO_COLUMNS.filter((c) => c !== 'geboortedatum' && c !== 'crebo') });
    const path = file();
    writeFileSync(path, noDate);
    expect((await read(path)).problems).toEqual([{ line: 1, message: expect.stringContaining('crebo, geboortedatum') }]);
    const short = file();
    writeFileSync(short, populationCsv([student()]) + '123;25PZ\r\n');
    expect((await read(short)).problems).toEqual([{ line: 3, message: expect.stringContaining('2 kolommen') }]);
  });

  it('reports a broken CSV structure (an unclosed quote) as a problem, not a crash', async () => {
    const path = file();
    writeFileSync(path, populationCsv([student()]) + '"123;25PZ;x\r\n');
    const r = await read(path);
    expect(r.problems).toEqual([expect.objectContaining({ message: expect.stringContaining('geen geldige CSV') })]);
  });

  it('reports an empty file and a file with only a header', async () => {
    const empty = file();
    writeFileSync(empty, '');
    expect((await read(empty)).problems).toEqual([expect.objectContaining({ message: expect.stringContaining('leeg') })]);
    const header = file();
    writeFileSync(header, DUO_COLUMNS.join(';') + '\n');
    expect((await read(header)).problems).toEqual([expect.objectContaining({ message: expect.stringContaining('geen studenten') })]);
  });

  it('reports a surname that is not UTF-8 (a Latin-1 export)', async () => {
    const utf8 = Buffer.from(populationCsv([student(), student({ achternaam: 'C#lik' })]), 'utf8');
    const at = utf8.indexOf('#');
    const path = file();
    writeFileSync(path, Buffer.concat([utf8.subarray(0, at), Buffer.from([0xe7]), utf8.subarray(at + 1)])); // ç in Latin-1
    const r = await read(path);
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, column: 'achternaam', message: expect.stringContaining('UTF-8') })]);
  });
});

describe('parseDate', () => {
  it('reads both formats and refuses impossible dates', () => {
    expect(parseDate('2005-03-09')).toBe('2005-03-09');
    expect(parseDate('09-03-2005')).toBe('2005-03-09');
    expect(parseDate('29-02-2004')).toBe('2004-02-29');
    expect(parseDate('29-02-2005')).toBeNull();
    expect(parseDate('1899-12-31')).toBeNull();
    expect(parseDate('9-3-2005')).toBeNull();
  });
});
