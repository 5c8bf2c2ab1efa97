// The label import: read the file, check everything, link it to the DUO population, and only then (no errors)
// store it and re-tag the institution's responses in one transaction. Used by the CLI and the coordinator page.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Repos } from '../../db/index.ts';
import type { LabelRow } from '../../db/labels.ts';
import type { Keyer } from '../keys.ts';
import { checkRows } from './check-rows.ts';
import { parseFileName } from './file-name.ts';
import { IssueList, type Issue, type IssueCode } from './issues.ts';
import { MAX_ROWS, readLabelFile } from './read-file.ts';

export interface LabelImportOptions {
  path: string;
  /** The name as delivered (defaults to the path's); it carries the BRIN and date. */
  fileName?: string;
  brin?: string;
  dryRun?: boolean;
}

export interface LabelImportDeps {
  repos: Repos;
  keyer: Keyer;
  now?: () => Date;
}

export interface LabelImportReport {
  fileName: string;
  format: string | null;
  brin: string | null;
  institution: string | null;
  /** No errors: the file is (or with a dry run would be) accepted. */
  accepted: boolean;
  dryRun: boolean;
  /** Listed findings (at most 100 per code); `counts` has them all. */
  errors: Issue[];
  warnings: Issue[];
  counts: {
    errors: Partial<Record<IssueCode, number>>;
    warnings: Partial<Record<IssueCode, number>>;
    rows: number;
    bedrijfsgroepRows: number;
    peildatum: string | null;
    population: number;
    matched: number;
    notInPopulation: number;
    zonderLabel: number;
    /** Responses whose labels changed (for a dry run: would change); null when the file is refused. */
    responsesChanged: number | null;
    responsesTagged: number | null;
  };
  /** The stored file (for a dry run: what it would have been); null when refused. */
  labelFile: { id: number; fileDate: string; current: boolean } | null;
  /** Where the time went, for the benchmark: reading, checking, keying + population link, storing + re-tagging. */
  timingsMs: { read: number; check: number; link: number; write: number | null };
}

class DryRunRollback extends Error {
  constructor(readonly report: LabelImportReport) {
    super('dry run');
  }
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function resolveBrin(deps: LabelImportDeps, fileName: string, option: string | undefined, issues: IssueList) {
  const name = parseFileName(fileName);
  if (!name.conforms) {
    issues.add('file_name', {
      message: {
        nl: `De bestandsnaam "${fileName}" volgt niet de vorm [BRIN]_Jobmonitor_[jjjjmmdd].xlsx (bijvoorbeeld 25PZ_Jobmonitor_20231115.xlsx).`,
        en: `The file name "${fileName}" does not follow the form [BRIN]_Jobmonitor_[yyyymmdd].xlsx (for example 25PZ_Jobmonitor_20231115.xlsx).`,
      },
    });
  }
  const fromOption = option ? option.trim().toUpperCase().slice(0, 4) : null;
  if (fromOption && name.brin && fromOption !== name.brin) {
    issues.add('brin_mismatch', {
      message: {
        nl: `De BRIN in de bestandsnaam (${name.brin}) verschilt van --brin ${fromOption}.`,
        en: `The BRIN in the file name (${name.brin}) differs from --brin ${fromOption}.`,
      },
    });
  }
  const brin = fromOption ?? name.brin;
  if (!brin) {
    issues.add('brin_missing', {
      message: {
        nl: 'De BRIN van de instelling staat niet in de bestandsnaam; geef hem op (--brin).',
        en: "The institution's BRIN is not in the file name; give it (--brin).",
      },
    });
    return { brin: null, institution: null, fileDate: name.date };
  }
  const institution = deps.repos.institutions.get(brin);
  if (!institution) {
    issues.add('brin_unknown', {
      message: {
        nl: `BRIN ${brin} is geen bekende instelling (niet in de DUO-populatie).`,
        en: `BRIN ${brin} is not a known institution (not in the DUO population).`,
      },
    });
  }
  return { brin, institution: institution?.name ?? null, fileDate: name.date };
}

export async function importLabelFile(deps: LabelImportDeps, opts: LabelImportOptions): Promise<LabelImportReport> {
  const now = (deps.now ?? (() => new Date()))();
  const fileName = opts.fileName ?? basename(opts.path);
  const issues = new IssueList();
  const { brin, institution, fileDate } = resolveBrin(deps, fileName, opts.brin, issues);
  let mark = performance.now();
  const lap = () => {
    const t = performance.now();
    const ms = Math.round(t - mark);
    mark = t;
    return ms;
  };
  const grid = await readLabelFile(opts.path, fileName, issues);
  const readMs = lap();

  let checked = { rows: [] as ReturnType<typeof checkRows>['rows'], dataRows: 0, bedrijfsgroepRows: 0 };
  if (grid) {
    const [sheet, ...others] = grid.sheets;
    if (others.length > 0) {
      const names = grid.sheets.map((s) => `"${s.name}"`).join(', ');
      for (const other of others) {
        issues.add('several_sheets', {
          sheet: other.name,
          message: {
            nl: `Meer dan één werkblad bevat gegevens (${names}); zet alle gegevens in één werkblad.`,
            en: `More than one worksheet holds data (${names}); put all data in one worksheet.`,
          },
        });
      }
    }
    if (sheet) checked = checkRows(sheet, issues);
    if (sheet && sheet.filledRows - 1 > MAX_ROWS) {
      issues.add('too_many_rows', {
        sheet: sheet.name,
        message: {
          nl: `Het bestand heeft ${sheet.filledRows - 1} rijen; maximaal ${MAX_ROWS}.`,
          en: `The file has ${sheet.filledRows - 1} rows; at most ${MAX_ROWS}.`,
        },
      });
    }
    if (checked.dataRows === 0) {
      issues.add('no_rows', { message: { nl: 'Het bestand bevat geen rijen met labels.', en: 'The file holds no label rows.' } });
    }
  }

  const checkMs = lap();
  // Raw PGNs stop here: from now on only the population's keyed pseudonym exists.
  const labelRows: (LabelRow & { row: number })[] = checked.rows.map((r) => ({
    row: r.row,
    pgnKey: deps.keyer.pgn(r.pgn),
    bedrijfsgroep: r.bedrijfsgroep,
    respons: r.respons,
    analyse: r.analyse,
  }));

  const peildatum = deps.repos.population.currentPeildatum();
  const population = new Set(brin && peildatum ? deps.repos.labels.populationKeys(peildatum, brin).map((k) => k.toString('latin1')) : []);
  let matched = 0;
  for (const r of labelRows) {
    if (population.has(r.pgnKey.toString('latin1'))) matched++;
    else {
      issues.add('not_in_population', {
        row: r.row,
        column: 'A',
        message: {
          nl: `Deze student staat niet in de DUO-populatie van ${brin ?? '?'} (peildatum ${peildatum ?? '-'}), bijvoorbeeld door inschrijving na de peildatum; het label telt pas als de student in de populatie staat.`,
          en: `This student is not in the DUO population of ${brin ?? '?'} (reference date ${peildatum ?? '-'}), for example enrolled after the reference date; the label counts only once the student is in the population.`,
        },
      });
    }
  }

  const report: LabelImportReport = {
    fileName,
    format: grid?.format ?? null,
    brin,
    institution,
    accepted: issues.errorCount === 0,
    dryRun: opts.dryRun === true,
    errors: issues.items.filter((i) => i.severity === 'error'),
    warnings: issues.items.filter((i) => i.severity === 'warning'),
    counts: {
      errors: issues.countsOf('error'),
      warnings: issues.countsOf('warning'),
      rows: checked.dataRows,
      bedrijfsgroepRows: checked.bedrijfsgroepRows,
      peildatum,
      population: population.size,
      matched,
      notInPopulation: labelRows.length - matched,
      zonderLabel: population.size - matched,
      responsesChanged: null,
      responsesTagged: null,
    },
    labelFile: null,
    timingsMs: { read: readMs, check: checkMs, link: lap(), write: null },
  };
  if (!report.accepted || !brin) return report;

  const sha256 = await fileSha256(opts.path);
  // In key order the inserts append to the labels B-tree instead of landing at random places in it.
  labelRows.sort((a, b) => Buffer.compare(a.pgnKey, b.pgnKey));
  // Without a date in the name the arrival date stands in, so such a file still counts from the day it came.
  const effectiveDate = fileDate ?? now.toISOString().slice(0, 10).replaceAll('-', '');
  const { repos } = deps;
  try {
    return repos.db.transaction(() => {
      const id = repos.labels.addFile({ brin, fileName, fileDate: effectiveDate, receivedAt: now.toISOString() }, labelRows);
      const current = repos.labels.currentFile(brin)?.id === id;
      const retag = current ? repos.labels.retagResponses(brin, id) : { changed: 0, tagged: 0 };
      const done: LabelImportReport = {
        ...report,
        counts: { ...report.counts, responsesChanged: retag.changed, responsesTagged: retag.tagged },
        labelFile: { id, fileDate: effectiveDate, current },
        timingsMs: { ...report.timingsMs, write: lap() },
      };
      repos.labels.recordImport(id, {
        sha256,
        matched,
        notInPopulation: done.counts.notInPopulation,
        zonderLabel: done.counts.zonderLabel,
        responsesChanged: retag.changed,
        report: JSON.stringify(done),
      });
      if (opts.dryRun) throw new DryRunRollback(done); // same path as a real import, then rolled back
      return done;
    })();
  } catch (err) {
    if (err instanceof DryRunRollback) return err.report;
    throw err;
  }
}
