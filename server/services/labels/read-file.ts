// Opens a label file of any accepted format, after the size check, and turns it into a grid.
// .xls (the old binary format) is refused with a request to save as .xlsx: exceljs cannot read it and the
// only npm library that can (SheetJS) is no longer maintained on the npm registry.
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Grid } from './grid.ts';
import type { IssueList } from './issues.ts';
import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import { checkXlsxLimits, NOT_A_WORKBOOK, type XlsxProblem } from './xlsx-limits.ts';

export const MAX_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 200_000;

async function magic(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await fh.read(buf, 0, 8, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // .xls and other old Office files

/**
 * Text in UTF-16 has a zero byte beside every ASCII character; a CSV in UTF-8 or Windows-1252 has none. Without a
 * byte-order mark (which readCsv uses) such a file would read as garbage, one "invalid PGN" per row.
 */
function looksLikeUtf16WithoutBom(bytes: Buffer): boolean {
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !bom && bytes.subarray(0, 4096).includes(0);
}

/** The grid, or null after adding the reason it cannot be read to `issues`. */
export async function readLabelFile(path: string, fileName: string, issues: IssueList): Promise<Grid | null> {
  const { size } = await stat(path);
  if (size > MAX_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    issues.add('file_too_large', {
      message: { nl: `Het bestand is ${mb} MB; maximaal 50 MB.`, en: `The file is ${mb} MB; at most 50 MB.` },
    });
    return null;
  }
  const head = await magic(path);
  const ext = extname(fileName).toLowerCase();
  if (head.subarray(0, 4).equals(OLE) || ext === '.xls') {
    issues.add('unsupported_format', {
      message: {
        nl: 'Dit is een .xls-bestand (oud Excel-formaat), dat niet veilig te lezen is. Open het in Excel en kies Opslaan als > Excel-werkmap (*.xlsx).',
        en: 'This is an .xls file (old Excel format), which cannot be read safely. Open it in Excel and choose Save As > Excel Workbook (*.xlsx).',
      },
    });
    return null;
  }
  const refuse = (problem: XlsxProblem): null => {
    issues.add(problem.code, { message: problem.message });
    return null;
  };
  try {
    if (head.subarray(0, 4).equals(ZIP)) {
      const problem = await checkXlsxLimits(path);
      if (problem) return refuse(problem);
      try {
        return await readXlsx(path, MAX_ROWS + 1);
      } catch {
        // Say what is wrong with the file rather than what went wrong in the reader.
        const explained = await checkXlsxLimits(path, { positions: true });
        if (explained) return refuse(explained);
      }
      // Nothing found wrong with the file: read it once more before calling it damaged. exceljs's streaming reader
      // failed once on a valid workbook in a CI run (a file exceljs had just written, refused as damaged), which
      // about 7,000 local reads of such files, with and without the test suite running beside them, did not repeat.
      try {
        return await readXlsx(path, MAX_ROWS + 1);
      } catch {
        return refuse(NOT_A_WORKBOOK);
      }
    }
    if (ext === '.csv' || ext === '.txt') {
      const bytes = await readFile(path);
      if (looksLikeUtf16WithoutBom(bytes)) {
        issues.add('encoding', {
          message: {
            nl: 'Het bestand is opgeslagen als Unicode-tekst (UTF-16) zonder aanduiding daarvan en kan zo niet gelezen worden. Kies in Excel Opslaan als > CSV UTF-8 (gescheiden door lijstscheidingsteken), of lever een .xlsx-bestand.',
            en: 'The file is saved as Unicode text (UTF-16) without saying so and cannot be read like this. In Excel choose Save As > CSV UTF-8 (comma delimited), or deliver an .xlsx file.',
          },
        });
        return null;
      }
      return readCsv(bytes, MAX_ROWS + 1);
    }
  } catch {
    // Reading a file that passed the checks above failed (the disk, or a reader's own fault): no reader text for
    // the coordinator, who can only deliver the file again.
    issues.add('unreadable', {
      message: {
        nl: 'Het bestand kan niet worden gelezen. Lever het opnieuw aan, bij voorkeur als Excel-werkmap (*.xlsx).',
        en: 'The file cannot be read. Deliver it again, preferably as an Excel Workbook (*.xlsx).',
      },
    });
    return null;
  }
  issues.add('unsupported_format', {
    message: {
      nl: 'Onbekend bestandsformaat; lever een .xlsx-bestand aan (of .csv, gescheiden door puntkomma).',
      en: 'Unknown file format; deliver an .xlsx file (or a semicolon-separated .csv).',
    },
  });
  return null;
}
