// Hostile and broken label files get a clear finding and change nothing: zip bombs in the shared strings, too many
// texts or parts, cells without a position, UTF-16 without a byte-order mark, and a file matching no one.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { createTestApp, student as anyStudent, type TestApp } from '../support/test-app.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';
import { HEADER, labelRow, writeXlsx, type SheetRows } from '../support/label-files.ts';
import { dumpLabelTables, expectOnly, importer } from '../support/label-import.ts';
import { XLSX_LIMITS } from '../../server/services/labels/xlsx-limits.ts';

let serial = 0;
const student: typeof anyStudent = (over = {}) => anyStudent({ pgn: makeBsn(400_000_000 + ++serial * 20), ...over });
const pop = Array.from({ length: 6 }, () => student());
const NAME = '25PZ_Jobmonitor_20231115.xlsx';
const good = (): SheetRows => [HEADER, ...pop.map((s) => labelRow({ pgn: s.pgn }))];

let t: TestApp;
let imp: ReturnType<typeof importer>;
beforeEach(() => {
  t = createTestApp({ population: pop });
  imp = importer(t);
});
afterEach(() => t.close());

/** A real .xlsx of the good rows, with some of its parts replaced or added. */
async function tampered(name: string, change: (zip: JSZip) => Promise<void> | void): Promise<string> {
  const path = imp.path(name);
  await writeXlsx(path, { Blad1: good() });
  const zip = await JSZip.loadAsync(readFileSync(path));
  await change(zip);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}
const sharedStrings = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${inner}</sst>`;

async function refused(path: string, code: Parameters<typeof expectOnly>[1], fileName = NAME) {
  const before = dumpLabelTables(t);
  const rss = process.memoryUsage().rss;
  const r = await imp.run(path, { fileName });
  expect(r.accepted).toBe(false);
  const issue = expectOnly(r, code);
  expect(dumpLabelTables(t)).toBe(before);
  // Read in bounded memory: the check streams and stops at the first bound.
  expect(process.memoryUsage().rss - rss).toBeLessThan(256 * 1024 * 1024);
  return issue;
}

describe('zip bombs and oversized parts', () => {
  it('refuses shared strings that unpack to more than the limit (a few hundred KB on disk)', async () => {
    const si = `<si><t>${'x'.repeat(1000)}</t></si>`;
    const path = await tampered('bomb.xlsx', (zip) => void zip.file('xl/sharedStrings.xml', sharedStrings(si.repeat(Math.ceil(XLSX_LIMITS.sharedStringsBytes / si.length) + 10))));
    expect(readFileSync(path).length).toBeLessThan(2 * 1024 * 1024);
    const issue = await refused(path, 'xlsx_too_large');
    expect(issue.message.nl).toMatch(/^Het bestand is te groot om veilig te lezen: xl\/sharedStrings\.xml is uitgepakt groter dan 64 MB\./);
  });

  it('refuses more shared strings than a label file can hold', async () => {
    const path = await tampered('many.xlsx', (zip) => void zip.file('xl/sharedStrings.xml', sharedStrings('<si><t>a</t></si>'.repeat(XLSX_LIMITS.strings + 1))));
    const issue = await refused(path, 'xlsx_too_large');
    expect(issue.message.nl).toContain('meer dan 2.000.000 verschillende teksten');
  });

  it('refuses one shared string longer than Excel allows in a cell', async () => {
    const path = await tampered('long.xlsx', (zip) => void zip.file('xl/sharedStrings.xml', sharedStrings(`<si><t>ok</t></si><si><r><t>${'y'.repeat(20_000)}</t></r><r><t>${'z'.repeat(20_000)}</t></r></si>`)));
    const issue = await refused(path, 'xlsx_too_large');
    expect(issue.message.en).toContain('a text of more than 32,767 characters (text 2)');
  });

  it('refuses a worksheet or another part that unpacks too large, and a zip of too many parts', async () => {
    const other = await tampered('other.xlsx', (zip) => void zip.file('xl/media/image1.png', Buffer.alloc(XLSX_LIMITS.otherBytes + 1)));
    expect((await refused(other, 'xlsx_too_large')).message.en).toContain('xl/media/image1.png unpacks to more than 16 MB');
    const parts = await tampered('parts.xlsx', (zip) => {
      for (let i = 0; i < XLSX_LIMITS.parts; i++) zip.file(`xl/extra/part${i}.xml`, '<x/>');
    });
    expect((await refused(parts, 'xlsx_too_large')).message.en).toContain('more than 1000 parts');
  });
});

describe('messages that say what is wrong', () => {
  it('cells without an "r" attribute (not written by Excel)', async () => {
    const path = await tampered('no-r.xlsx', async (zip) => {
      const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', sheet.replace(/(<c[^>]*?) r="[A-Z]+\d+"/g, '$1'));
    });
    const issue = await refused(path, 'xlsx_cell_position');
    expect(issue.message.nl).toMatch(/heeft cellen zonder positie \(het attribuut "r" ontbreekt\)/);
    expect(issue.message.nl).not.toMatch(/undefined/);
  });

  it('a CSV in UTF-16 without a byte-order mark is an encoding problem, not a thousand invalid PGNs', async () => {
    const path = imp.path('25PZ_Jobmonitor_20231115.csv');
    const text = good().map((r) => r.map((v) => (v === null ? '' : String(v))).join(';')).join('\r\n');
    writeFileSync(path, iconv.encode(text, 'utf16le'));
    const issue = await refused(path, 'encoding', '25PZ_Jobmonitor_20231115.csv');
    expect(issue.message.nl).toContain('UTF-16');
  });

  it('reads a CSV in UTF-16 big-endian with its byte-order mark', async () => {
    const path = imp.path('25PZ_Jobmonitor_20231115.csv');
    const text = good().map((r) => r.map((v) => (v === null ? '' : String(v))).join(';')).join('\r\n');
    writeFileSync(path, Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]));
    const r = await imp.run(path);
    expect(r.errors).toEqual([]);
    expect(r.counts.matched).toBe(pop.length);
  });

  it('refuses a file of which no row belongs to the population, and keeps the current file', async () => {
    const first = await imp.xlsx(NAME, good());
    expect(first.accepted).toBe(true);
    const strangers = Array.from({ length: 200 }, () => student());
    const r = await imp.xlsx('25PZ_Jobmonitor_20231201.xlsx', [HEADER, ...strangers.map((s) => labelRow({ pgn: s.pgn }))]);
    expect(r.accepted).toBe(false);
    expect(r.counts.errors).toEqual({ no_match: 1 });
    expect(r.errors[0]!.message.nl).toMatch(/^Geen enkele rij \(0 van 200\) hoort bij de DUO-populatie van 25PZ/);
    expect(t.repos.labels.currentFile('25PZ')!.id).toBe(first.labelFile!.id);
  });
});
