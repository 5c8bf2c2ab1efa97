// The label import: read the file, check everything, link it to the DUO population, and only then (no errors)
// store it and re-tag the institution's responses. The rows are written in short transactions while the file is
// invisible ('loading'), it becomes current in one small one, and the responses are re-tagged in short steps:
// students answering meanwhile never wait for long. Used by the CLI and the coordinator page.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Repos } from '../../db/index.ts';
import type { LabelRow, LabelSet } from '../../db/labels.ts';
import type { Keyer } from '../common/keys.ts';
import { checkRows } from './check-rows.ts';
import { parseFileName } from './file-name.ts';
import type { LabelCheckReport } from '../../api/staff-labels.ts';
import { IssueList } from './issues.ts';
import { MAX_ROWS, readLabelFile } from './read-file.ts';
import { nextTurn } from '../common/pacing.ts';

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
  /** Between two write transactions; by default a turn of the event loop. */
  pause?: () => Promise<void>;
}

/** Label rows per write transaction, and responses per re-tag step. */
const ROWS_PER_STEP = 2000;
const RESPONSES_PER_STEP = 1000;

export interface LabelImportReport extends LabelCheckReport {
  /** Where the time went, for the benchmark: reading, checking, keying + population link, storing + re-tagging. */
  timingsMs: { read: number; check: number; link: number; write: number | null };
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
        nl: `De BRIN in de bestandsnaam (${name.brin}) verschilt van die van de gekozen instelling (${fromOption}).`,
        en: `The BRIN in the file name (${name.brin}) differs from that of the chosen institution (${fromOption}).`,
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
  const population = new Set(brin && peildatum ? deps.repos.population.currentPgnKeys(brin).map((k) => k.toString('latin1')) : []);
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

  // A file of which no row belongs to the institution's population cannot be meant: another school's file, student
  // numbers instead of PGNs, or a population not yet imported. Made current it would strip every response's labels.
  if (institution !== null && labelRows.length > 0 && matched === 0) {
    issues.add('no_match', {
      message: {
        nl: `Geen enkele rij (0 van ${labelRows.length}) hoort bij de DUO-populatie van ${brin ?? '?'} (peildatum ${peildatum ?? '-'}). Controleer of dit het bestand van deze instelling is en of kolom A het PGN/BSN bevat (geen studentnummer); is de populatie nog niet geïmporteerd, doe dat dan eerst.`,
        en: `Not one row (0 of ${labelRows.length}) belongs to the DUO population of ${brin ?? '?'} (reference date ${peildatum ?? '-'}). Check that this is the file of this institution and that column A holds the PGN/BSN (not a student number); if the population has not been imported yet, do that first.`,
      },
    });
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
  // Without a date in the name the arrival date stands in, so such a file still counts from the day it came.
  const effectiveDate = fileDate ?? now.toISOString().slice(0, 10).replaceAll('-', '');
  const { repos } = deps;
  const changed = responsesChanged(repos, brin, labelRows);
  const currentFile = repos.labels.currentFile(brin);
  // The newest arrival: current unless the current file carries a later date in its name.
  const willBeCurrent = !currentFile || effectiveDate >= (currentFile.fileDate ?? '');
  const counts = { ...report.counts, responsesChanged: willBeCurrent ? changed.changed : 0, responsesTagged: willBeCurrent ? changed.tagged : 0 };
  if (opts.dryRun) {
    return { ...report, counts, preview: { fileDate: effectiveDate, current: willBeCurrent }, timingsMs: { ...report.timingsMs, write: lap() } };
  }

  const pause = deps.pause ?? nextTurn;
  // In key order the inserts append to the labels B-tree instead of landing at random places in it.
  labelRows.sort((a, b) => Buffer.compare(a.pgnKey, b.pgnKey));
  const id = repos.transaction(() => repos.labels.startFile({ brin, fileName, fileDate: effectiveDate, receivedAt: now.toISOString(), rowCount: labelRows.length }));
  try {
    for (let from = 0; from < labelRows.length; from += ROWS_PER_STEP) {
      repos.transaction(() => repos.labels.addRows(id, labelRows.slice(from, from + ROWS_PER_STEP)));
      await pause();
    }
  } catch (err) {
    repos.transaction(() => repos.labels.dropLoading(id));
    throw err;
  }
  const done: LabelImportReport = { ...report, counts, labelFile: { id, fileDate: effectiveDate, current: false }, timingsMs: report.timingsMs };
  const current = repos.transaction(() => {
    repos.labels.makeReady(id);
    const isCurrent = repos.labels.currentFile(brin)?.id === id;
    done.labelFile = { id, fileDate: effectiveDate, current: isCurrent };
    if (!isCurrent) done.counts = { ...counts, responsesChanged: 0, responsesTagged: 0 };
    return isCurrent;
  });
  if (current) {
    // Responses started meanwhile were tagged from this file already; the steps go over every response once.
    for (let after = 0; ; ) {
      const step = repos.transaction(() => repos.labels.retagStep(brin, id, after, RESPONSES_PER_STEP));
      if (step.lastId === null) break;
      after = step.lastId;
      await pause();
    }
  }
  done.timingsMs = { ...report.timingsMs, write: lap() };
  repos.transaction(() =>
    repos.labels.recordImport(id, {
      sha256,
      matched,
      notInPopulation: done.counts.notInPopulation,
      zonderLabel: done.counts.zonderLabel,
      responsesChanged: done.counts.responsesChanged ?? 0,
      report: JSON.stringify(done),
    }),
  );
  return done;
}

const LABEL_FIELDS = (l: LabelSet) => [l.bedrijfsgroep, ...l.respons, ...l.analyse];

/** How many of the institution's responses the file would give other labels, and how many it tags. */
function responsesChanged(repos: Repos, brin: string, rows: LabelRow[]): { changed: number; tagged: number } {
  const byKey = new Map(rows.map((r) => [r.pgnKey.toString('latin1'), r]));
  const none: LabelSet = { bedrijfsgroep: null, respons: [null, null, null], analyse: [null, null, null] };
  let changed = 0;
  const responses = repos.labels.responseLabels(brin);
  for (const r of responses) {
    const now = LABEL_FIELDS(r.labels);
    const next = LABEL_FIELDS(byKey.get(r.pgnKey.toString('latin1')) ?? none);
    if (now.some((v, i) => v !== next[i])) changed++;
  }
  return { changed, tagged: responses.length };
}
