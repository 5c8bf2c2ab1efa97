// Bounds an .xlsx before exceljs reads it: an .xlsx is a zip, and a few MB of it can unpack to gigabytes. Every part
// is unpacked once here, counted and thrown away, through the same zip reader exceljs uses (so it sees the same
// parts): the number of parts, each part's unpacked size and all of them together; the shared strings by count and
// length (exceljs keeps them all in memory); and, to explain a file exceljs could not read, every cell's position
// (exceljs needs the `r` attribute, which only some non-Excel writers leave out).
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import unzipper from 'unzipper';
import { SaxesParser } from 'saxes';
import type { Message } from '../common/errors.ts';

export const XLSX_LIMITS = {
  parts: 1000,
  /** A worksheet of 200,000 rows of nine 100-character labels, written inline, stays under this. */
  sheetBytes: 300 * 1024 * 1024,
  sharedStringsBytes: 64 * 1024 * 1024,
  /** Any other part: styles, workbook, relationships, themes, pictures. */
  otherBytes: 16 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
  /** Different texts: 200,000 rows of 9 columns at most. */
  strings: 2_000_000,
  /** Excel's own limit for one cell. */
  stringLength: 32_767,
} as const;

export interface XlsxProblem {
  code: 'xlsx_too_large' | 'xlsx_cell_position' | 'unreadable';
  message: Message;
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const nl = (n: number) => n.toLocaleString('nl-NL');
const SAVE_AGAIN = {
  nl: 'Open het in Excel en sla het op als Excel-werkmap (*.xlsx) met alleen de labelgegevens.',
  en: 'Open it in Excel and save it as an Excel Workbook (*.xlsx) holding only the label data.',
};

const tooLarge = (nlText: string, enText: string): XlsxProblem => ({
  code: 'xlsx_too_large',
  message: { nl: `Het bestand is te groot om veilig te lezen: ${nlText}. ${SAVE_AGAIN.nl}`, en: `The file is too large to read safely: ${enText}. ${SAVE_AGAIN.en}` },
});

type PartKind = 'sheet' | 'sharedStrings' | 'other';
const kindOf = (path: string): PartKind =>
  /^xl\/worksheets\/sheet\d+\.xml$/.test(path) ? 'sheet' : path === 'xl/sharedStrings.xml' ? 'sharedStrings' : 'other';
const limitOf = (kind: PartKind) =>
  kind === 'sheet' ? XLSX_LIMITS.sheetBytes : kind === 'sharedStrings' ? XLSX_LIMITS.sharedStringsBytes : XLSX_LIMITS.otherBytes;

/** The local name of an XML element (some writers use a prefix such as `x:c`). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Watches one shared-strings or worksheet part as it unpacks; returns a problem as soon as there is one. */
function xmlWatcher(kind: 'sheet' | 'sharedStrings', path: string): { write(chunk: string): XlsxProblem | null; end(): XlsxProblem | null } {
  const parser = new SaxesParser();
  let problem: XlsxProblem | null = null;
  let strings = 0;
  let inString = false;
  let length = 0;
  if (kind === 'sharedStrings') {
    parser.on('opentag', (node) => {
      if (local(node.name) !== 'si') return;
      strings++;
      inString = true;
      length = 0;
      if (strings > XLSX_LIMITS.strings) {
        problem ??= tooLarge(`meer dan ${nl(XLSX_LIMITS.strings)} verschillende teksten`, `more than ${XLSX_LIMITS.strings.toLocaleString('en-GB')} different texts`);
      }
    });
    parser.on('closetag', (node) => {
      if (local(node.name) === 'si') inString = false;
    });
    parser.on('text', (text) => {
      if (!inString) return;
      length += text.length;
      if (length > XLSX_LIMITS.stringLength) {
        problem ??= tooLarge(
          `een tekst van meer dan ${nl(XLSX_LIMITS.stringLength)} tekens (tekst ${nl(strings)})`,
          `a text of more than ${XLSX_LIMITS.stringLength.toLocaleString('en-GB')} characters (text ${strings})`,
        );
      }
    });
  } else {
    parser.on('opentag', (node) => {
      const name = local(node.name);
      if ((name === 'c' || name === 'row') && node.attributes.r === undefined && !problem) {
        problem = {
          code: 'xlsx_cell_position',
          message: {
            nl: `Het werkblad (${path}) heeft ${name === 'c' ? 'cellen' : 'rijen'} zonder positie (het attribuut "r" ontbreekt): het is niet door Excel opgeslagen en kan niet betrouwbaar gelezen worden. ${SAVE_AGAIN.nl}`,
            en: `The worksheet (${path}) has ${name === 'c' ? 'cells' : 'rows'} without a position (the "r" attribute is missing): it was not saved by Excel and cannot be read reliably. ${SAVE_AGAIN.en}`,
          },
        };
      }
    });
  }
  const broken = (err: unknown): XlsxProblem => ({
    code: 'unreadable',
    message: {
      nl: `Het bestand is geen geldige Excel-werkmap: ${path} is geen geldige XML (${err instanceof Error ? err.message.split('\n')[0] : String(err)}). ${SAVE_AGAIN.nl}`,
      en: `The file is not a valid Excel workbook: ${path} is not valid XML (${err instanceof Error ? err.message.split('\n')[0] : String(err)}). ${SAVE_AGAIN.en}`,
    },
  });
  return {
    write(chunk) {
      try {
        parser.write(chunk);
      } catch (err) {
        problem ??= broken(err);
      }
      return problem;
    },
    end() {
      try {
        parser.close();
      } catch (err) {
        problem ??= broken(err);
      }
      return problem;
    },
  };
}

/**
 * The first reason the file must not be read, or null when it is within every bound. With `positions`, the
 * worksheets are parsed too, to find cells and rows without a position: that costs about a quarter of a read, so it
 * runs only to explain a file exceljs could not read.
 */
export async function checkXlsxLimits(path: string, { positions = false }: { positions?: boolean } = {}): Promise<XlsxProblem | null> {
  const input = createReadStream(path);
  const zip = unzipper.Parse({ forceStream: true });
  input.pipe(zip);
  // Should the zip reader neither end nor fail on a file cut off inside a part: once the whole file has been read, a
  // reader that makes no more progress is waiting for bytes that will never come.
  // Counted in turns of the watchdog, not in wall time: on a busy machine a long pause of this process is not a stall.
  let inputDone = false;
  let idleTicks = 0;
  let watchdog: NodeJS.Timeout | undefined;
  const stalled = new Promise<XlsxProblem>((resolve) => {
    input.once('end', () => (inputDone = true));
    input.once('error', (err) => resolve(damaged(asWhy(err))));
    // An error of the zip reader (a damaged deflate stream, a file that ends early) does not reach the part being read.
    zip.once('error', (err) => resolve(damaged(asWhy(err))));
    watchdog = setInterval(() => {
      if (inputDone && ++idleTicks >= STALL_TICKS) resolve(damaged(CUT_OFF));
    }, STALL_TICK_MS);
  });
  try {
    return await Promise.race([walk(zip, positions, () => (idleTicks = 0)), stalled]);
  } catch (err) {
    return damaged(asWhy(err));
  } finally {
    clearInterval(watchdog);
    input.destroy();
    zip.destroy();
  }
}

/** Turns of the watchdog without progress, after the whole file was read, that mean the zip is cut off (1.5 s when idle). */
const STALL_TICK_MS = 100;
const STALL_TICKS = 15;

const damaged = (why: Message): XlsxProblem => ({
  code: 'unreadable',
  message: {
    nl: `Het bestand is beschadigd of onvolledig en kan niet als Excel-werkmap worden gelezen (${why.nl}). Lever het opnieuw aan. ${SAVE_AGAIN.nl}`,
    en: `The file is damaged or incomplete and cannot be read as an Excel workbook (${why.en}). Deliver it again. ${SAVE_AGAIN.en}`,
  },
});
/**
 * A zip that passed every bound but that exceljs still could not read (a missing or damaged workbook part, for one):
 * the reader's own error text ("Cannot read properties of undefined") says nothing to a coordinator.
 */
export const NOT_A_WORKBOOK: XlsxProblem = {
  code: 'unreadable',
  message: {
    nl: `Het bestand is beschadigd of is geen geldige Excel-werkmap (een onderdeel ervan ontbreekt of is onleesbaar) en kan niet worden gelezen. Lever het opnieuw aan. ${SAVE_AGAIN.nl}`,
    en: `The file is damaged or not a valid Excel workbook (a part of it is missing or unreadable) and cannot be read. Deliver it again. ${SAVE_AGAIN.en}`,
  },
};
const CUT_OFF: Message = { nl: 'het eindigt midden in een onderdeel', en: 'it ends in the middle of a part' };
const UNREADABLE_PART: Message = { nl: 'een onderdeel is onleesbaar', en: 'a part cannot be read' };
/** The zip or inflate reader's own words ("invalid distance too far back"); never a fault inside a reader. */
const asWhy = (err: unknown): Message => {
  if (!(err instanceof Error) || err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError) return UNREADABLE_PART;
  return { nl: err.message, en: err.message };
};

async function walk(zip: unzipper.ParseStream, positions: boolean, tick: () => void): Promise<XlsxProblem | null> {
  let parts = 0;
  let total = 0;
  for await (const item of zip) {
    tick();
    const entry = item as unzipper.Entry;
    parts++;
    if (parts > XLSX_LIMITS.parts) return tooLarge(`meer dan ${nl(XLSX_LIMITS.parts)} onderdelen`, `more than ${XLSX_LIMITS.parts} parts`);
    const kind = kindOf(entry.path);
    const limit = limitOf(kind);
    const watcher = kind === 'sharedStrings' || (kind === 'sheet' && positions) ? xmlWatcher(kind, entry.path) : null;
    const decoder = new StringDecoder('utf8');
    let size = 0;
    for await (const chunk of entry as AsyncIterable<Buffer>) {
      tick();
      size += chunk.length;
      total += chunk.length;
      if (size > limit) return tooLarge(`${entry.path} is uitgepakt groter dan ${MB(limit)}`, `${entry.path} unpacks to more than ${MB(limit)}`);
      if (total > XLSX_LIMITS.totalBytes) return tooLarge(`uitgepakt groter dan ${MB(XLSX_LIMITS.totalBytes)}`, `it unpacks to more than ${MB(XLSX_LIMITS.totalBytes)}`);
      const problem = watcher?.write(decoder.write(chunk));
      if (problem) return problem;
    }
    if (watcher) {
      const problem = watcher.write(decoder.end()) ?? watcher.end();
      if (problem) return problem;
    }
  }
  return null;
}
