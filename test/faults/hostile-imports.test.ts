// Property-based tests (fast-check) on every import parser: the DUO population CSV, label files (.csv bytes, and
// truncated or corrupted .xlsx), an xlsx with an external entity, and institution question modules. Each ends in a
// clear refusal or an import, never an exception of the parser, never a partial write.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { createTestApp, student as anyStudent, type TestApp } from '../support/test-app.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';
import { importPopulationFile } from '../../server/services/population/import.ts';
import { importLabelFile } from '../../server/services/labels/import.ts';
import { importModule, ModuleImportError } from '../../server/services/survey/definitions.ts';
import { loadQuestionnaires } from '../../questionnaire/index.ts';
import { DUO_COLUMNS, populationCsv } from '../support/population-file.ts';
import { HEADER, labelRow, writeXlsx } from '../support/label-files.ts';
import { dumpLabelTables } from '../support/label-import.ts';

let serial = 0;
const student: typeof anyStudent = (over = {}) => anyStudent({ pgn: makeBsn(500_000_000 + ++serial * 20), ...over });
const pop = Array.from({ length: 5 }, () => student({ brin: '99DM' }));
let t: TestApp;
beforeAll(() => {
  t = createTestApp({ population: pop });
});
afterAll(() => t.close());

const populationState = () =>
  JSON.stringify({
    rows: t.db.prepare('SELECT count(*) FROM population').pluck().get(),
    sets: t.db.prepare('SELECT id, status FROM population_sets ORDER BY id').all(),
    keys: t.db.prepare('SELECT count(*) FROM login_keys').pluck().get(),
  });
let n = 0;
const file = (ext: string) => join(t.dir, `f${n++}${ext}`);

// CSV field text with what breaks CSV readers: quotes, delimiters, line breaks, NULs, lone surrogates.
const field = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('"', '""', '"a"b', 'a;b', 'a,b', '\r\n', '\n', '\0', '\ud800', '=cmd|x', ' 25PZ ', '123456782', '2005-03-09', 'BOL'),
);
const csvText = fc.oneof(
  fc.array(fc.array(field, { maxLength: 12 }), { maxLength: 8 }).map((rows) => rows.map((r) => r.join(';')).join('\r\n')),
  fc.array(fc.array(field, { minLength: 11, maxLength: 11 }), { maxLength: 6 }).map((rows) => [DUO_COLUMNS.join(';'), ...rows.map((r) => r.join(';'))].join('\n')),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

describe('the population import', () => {
  it('any CSV text: refused with line numbers or imported whole, never half', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        const before = populationState();
        const path = file('.csv');
        writeFileSync(path, text);
        const r = await importPopulationFile(t.repos, t.keyer, path, '2023-12-01', { threads: 0 });
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
          expect(populationState()).toBe(before);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('a million-character line and odd quoting are refused with a message', async () => {
    for (const text of [
      `${DUO_COLUMNS.join(';')}\n${'x'.repeat(1_000_000)}\n`,
      populationCsv([student({ achternaam: 'a'.repeat(1_000_000) })]),
      `${DUO_COLUMNS.join(';')}\n"unclosed;${'y'.repeat(100_000)}`,
    ]) {
      const before = populationState();
      const path = file('.csv');
      writeFileSync(path, text);
      const r = await importPopulationFile(t.repos, t.keyer, path, '2023-12-01', { threads: 0 });
      expect(r.ok).toBe(false);
      expect(populationState()).toBe(before);
    }
  }, 60_000);
});

describe('the label import', () => {
  const run = (path: string, fileName = '99DM_Jobmonitor_20231115.csv') => importLabelFile({ repos: t.repos, keyer: t.keyer }, { path, fileName });

  it('any CSV bytes: a report, and a refused file changes nothing', async () => {
    const bytes = fc.oneof(csvText.map((s) => Buffer.from(s)), fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)));
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        const before = dumpLabelTables(t);
        const path = file('.csv');
        writeFileSync(path, b);
        const r = await run(path);
        if (!r.accepted) {
          expect(r.errors.length).toBeGreaterThan(0);
          expect(dumpLabelTables(t)).toBe(before);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('a truncated or corrupted .xlsx: a clear refusal, never an exception, nothing stored', async () => {
    const good = file('.xlsx');
    await writeXlsx(good, { Blad1: [HEADER, ...pop.map((s) => labelRow({ pgn: s.pgn }))] });
    const bytes = readFileSync(good);
    const damage = fc.oneof(
      fc.integer({ min: 0, max: bytes.length - 1 }).map((cut) => bytes.subarray(0, cut)),
      fc.array(fc.tuple(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
        const b = Buffer.from(bytes);
        for (const [at, v] of flips) b[at] = v;
        return b;
      }),
    );
    await fc.assert(
      fc.asyncProperty(damage, async (b) => {
        const before = dumpLabelTables(t);
        const path = file('.xlsx');
        writeFileSync(path, b);
        const r = await run(path, '99DM_Jobmonitor_20231115.xlsx');
        if (!r.accepted) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(e.message.nl).not.toMatch(/Cannot read properties|undefined|is not a function/);
          expect(dumpLabelTables(t)).toBe(before);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('an .xlsx whose shared strings name an external entity does not read the file it names', async () => {
    const path = file('.xlsx');
    await writeXlsx(path, { Blad1: [HEADER, ...pop.map((s) => labelRow({ pgn: s.pgn, respons: ['Locatie', 'Unit', 'Klas'] }))] });
    const zip = await JSZip.loadAsync(readFileSync(path));
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    zip.file('xl/sharedStrings.xml', sst.replace('<sst', '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst').replace('>Klas<', '>&xxe;<'));
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const before = dumpLabelTables(t);
    const r = await run(path, '99DM_Jobmonitor_20231115.xlsx');
    expect(r.accepted).toBe(false);
    expect(JSON.stringify(r)).not.toContain('root:');
    expect(dumpLabelTables(t)).toBe(before);
  });

  // What the corruption property above once hit in CI: a zip within every bound whose workbook part is gone or
  // garbled made exceljs fail with its own TypeError, which reached the coordinator as the message.
  it.each([
    ['without its workbook part', (zip: JSZip) => void zip.remove('xl/workbook.xml')],
    ['with a workbook part that is not XML', (zip: JSZip) => void zip.file('xl/workbook.xml', 'garbage')],
    ['with a workbook part of another kind', (zip: JSZip) => void zip.file('xl/workbook.xml', '<?xml version="1.0"?><x/>')],
  ])('an .xlsx %s: a clear refusal in the reader-free words, nothing stored', async (_, damage) => {
    const path = file('.xlsx');
    await writeXlsx(path, { Blad1: [HEADER, ...pop.map((s) => labelRow({ pgn: s.pgn }))] });
    const zip = await JSZip.loadAsync(readFileSync(path));
    damage(zip);
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const before = dumpLabelTables(t);
    const r = await run(path, '99DM_Jobmonitor_20231115.xlsx');
    expect(r.accepted).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual(['unreadable']);
    expect(r.errors[0]!.message.nl).toMatch(/^Het bestand is beschadigd of is geen geldige Excel-werkmap/);
    expect(r.errors[0]!.message.en).toMatch(/^The file is damaged or not a valid Excel workbook/);
    expect(dumpLabelTables(t)).toBe(before);
  });
});

describe('institution question modules', () => {
  it('any JSON or text: imported, or refused with a list of problems; nothing else', async () => {
    const cores = loadQuestionnaires();
    const count = () => t.db.prepare('SELECT count(*) FROM question_modules').pluck().get();
    const input = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? ''),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.record({ id: fc.oneof(fc.constant('99DM-1'), fc.string()), title: fc.jsonValue({ maxDepth: 2 }), pages: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 12 }) }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.property(input, (text) => {
        const before = count();
        try {
          importModule(t.repos, cores, { brin: '99DM', text, fileName: 'm.json', now: new Date() });
        } catch (err) {
          expect(err).toBeInstanceOf(ModuleImportError);
          expect((err as ModuleImportError).problems.length).toBeGreaterThan(0);
          expect((err as ModuleImportError).problems.length).toBeLessThanOrEqual(51);
          expect(count()).toBe(before);
        }
      }),
      { numRuns: 200 },
    );
  });
});
