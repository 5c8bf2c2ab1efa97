// Data files for researchers and institutions: one row per response of the latest cleaning run (an institution's:
// the ones its results count; the national file: every judged response with its verdict), every answer coded, with
// a codebook and an SPSS syntax file beside it. No pseudonym that links back to the population; a background value
// or label held by fewer than 5 rows (or needed to keep such a group from being worked out) reads "Niet getoond i.v.m. AVG".
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Repos } from '../../db/index.ts';
import type { JudgedResponse } from '../../db/report-data.ts';
import type { CleaningRunInfo, ReportScope } from '../../api/staff-reports.ts';
import type { Answers, Questionnaire } from '../../../questionnaire/index.ts';
import { MODULE_PREFIX } from '../../../questionnaire/module.ts';
import type { Definitions } from '../survey/definitions.ts';
import { runInfo, REASON_BITS } from '../cleaning/cleaning-run.ts';
import { answerColumns, codeAnswers, type AnswerColumn } from './export-columns.ts';
import { codebookCsv, metaColumns, spssSyntax, type ExportColumn } from './export-files.ts';
import { CSV_BOM, excelCsvLine, excelCsvLines, type CsvRow, type CsvValue } from './excel-csv.ts';
import { suppressionPattern, treeProblem } from './suppression.ts';
import { GroupStructure, groupsOf, labelGroupId } from './result-groups.ts';
import { fieldworkWeek } from './overview-tree.ts';
import { noCleaningRun } from './results.ts';
import { SUPPRESSED_TEXT } from './results-output.ts';
import { unknownInstitution } from './response-overview.ts';

export interface ExportFileNames {
  data: string;
  codebook: string;
  syntax: string;
}

export interface ExportResult {
  files: ExportFileNames;
  rows: number;
  run: CleaningRunInfo;
}

/** The file names of an export, the same from the CLI and the API. */
export const exportFileNames = (scope: ReportScope): ExportFileNames => {
  const base = `jobmonitor_${scope === 'national' ? 'landelijk' : scope}`;
  return { data: `${base}_data.csv`, codebook: `${base}_codebook.csv`, syntax: `${base}.sps` };
};

const FLAT_META = ['versie', 'module', 'brin', 'crebo', 'leerweg', 'niveau', 'geslacht', 'veldwerkweek'] as const;
type FlatMeta = (typeof FLAT_META)[number];
const ROWS_PER_READ = 1000;
/** The id of the whole file in a column's suppression problem (no value can be it: values are text, this has a NUL). */
const ROOT = '\u0000file';

export function createExports({ repos, definitions, questionnaires }: { repos: Repos; definitions: Definitions; questionnaires: Map<string, Questionnaire> }) {
  const cores = [...questionnaires.values()];

  function modulesOf(brin: string): Questionnaire[] {
    return repos.questionModules.all().filter((m) => m.brin === brin).map((m) => JSON.parse(m.definition) as Questionnaire);
  }

  function checkScope(scope: ReportScope): void {
    if (scope !== 'national' && !repos.institutions.get(scope)) throw unknownInstitution(scope);
  }

  /** Every column of the scope's data file, in order. An institution's file has its own questions; the national file has none. */
  function columns(scope: ReportScope): ExportColumn[] {
    checkScope(scope);
    const answers: AnswerColumn[] = [...answerColumns(cores), ...(scope === 'national' ? [] : answerColumns(modulesOf(scope)))];
    return [...metaColumns(scope === 'national'), ...answers.map((c) => ({ source: 'answer' as const, ...c }))];
  }

  const title = (scope: ReportScope, run: CleaningRunInfo | null) =>
    `JOB-monitor, ${scope === 'national' ? 'landelijk bestand' : `instelling ${scope}`}${run ? `, opschoonronde ${run.id} (regels versie ${run.rulesVersion})` : ''}`;

  function latestRun(): CleaningRunInfo {
    const run = repos.cleaning.latestDone();
    if (!run) throw noCleaningRun();
    return runInfo(run);
  }

  /** The responses of the file: an institution's that its results count, or every judged one. */
  function responsesOf(scope: ReportScope, runId: number): JudgedResponse[] {
    if (scope !== 'national') return repos.reportData.judgedOfBrin(runId, scope).filter((r) => r.inResults);
    const out: JudgedResponse[] = [];
    for (let after = 0; ; ) {
      const chunk = repos.reportData.judgedChunk(runId, after, 5000);
      if (!chunk.length) return out;
      out.push(...chunk);
      after = chunk[chunk.length - 1]!.id;
    }
  }

  /** Writes the data CSV to `path`; returns the rows written. */
  function writeData(scope: ReportScope, path: string): { rows: number; run: CleaningRunInfo } {
    checkScope(scope);
    const run = latestRun();
    const cols = columns(scope);
    const answerCols = cols.filter((c): c is { source: 'answer' } & AnswerColumn => c.source === 'answer');
    const coreCols = answerCols.filter((c) => !c.questionId.startsWith(MODULE_PREFIX));
    const moduleCols = answerCols.filter((c) => c.questionId.startsWith(MODULE_PREFIX));
    const rows = responsesOf(scope, run.id);
    const background = backgroundPrinter(rows);
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, CSV_BOM + excelCsvLine(cols.map((c) => c.name)));
      for (let i = 0; i < rows.length; i += ROWS_PER_READ) {
        const slice = rows.slice(i, i + ROWS_PER_READ);
        // Ids rise through the slice; a range read is one statement, a read per response one each.
        const answersOf = scope === 'national' ? repos.reportData.answersInRange(slice[0]!.id, slice[slice.length - 1]!.id) : null;
        const lines: CsvRow[] = [];
        for (const r of slice) {
          const answers = (answersOf ? (answersOf.get(r.id) ?? {}) : repos.reportData.answers(r.id)) as Answers;
          const context = { leerweg: r.leerweg, niveau: r.niveau };
          const core = codeAnswers(coreCols, definitions.withModule(r.questionnaireVersion, null), answers, context);
          const mod = moduleCols.length ? codeAnswers(moduleCols, definitions.withModule(r.questionnaireVersion, r.moduleVersion), answers, context) : [];
          lines.push([...background(r, scope === 'national'), ...core, ...mod]);
        }
        writeSync(fd, excelCsvLines(lines));
      }
    } finally {
      closeSync(fd);
    }
    return { rows: rows.length, run };
  }

  return {
    columns,
    codebook: (scope: ReportScope, lang: 'nl' | 'en' = 'nl'): string => codebookCsv(columns(scope), lang),
    syntax: (scope: ReportScope, lang: 'nl' | 'en' = 'nl'): string => {
      const run = repos.cleaning.latestDone();
      return spssSyntax(columns(scope), exportFileNames(scope).data, title(scope, run ? runInfo(run) : null), lang);
    },
    writeData,
    /** Writes the data file, the codebook and the syntax file into `dir`. */
    writeAll(scope: ReportScope, dir: string, lang: 'nl' | 'en' = 'nl'): ExportResult {
      mkdirSync(dir, { recursive: true });
      const names = exportFileNames(scope);
      const { rows, run } = writeData(scope, join(dir, names.data));
      const cols = columns(scope);
      writeFileSync(join(dir, names.codebook), codebookCsv(cols, lang));
      writeFileSync(join(dir, names.syntax), spssSyntax(cols, names.data, title(scope, run), lang));
      return { files: names, rows, run };
    },
  };
}
export type ExportService = ReturnType<typeof createExports>;

/** The background cells of each row, with every small group's value replaced (one pattern per column and per label tree). */
function backgroundPrinter(rows: readonly JudgedResponse[]): (r: JudgedResponse, national: boolean) => CsvValue[] {
  const value: Record<FlatMeta, (r: JudgedResponse) => string | null> = {
    versie: (r) => r.questionnaireVersion,
    module: (r) => r.moduleVersion,
    brin: (r) => r.brin,
    crebo: (r) => r.crebo,
    leerweg: (r) => r.leerweg,
    niveau: (r) => (r.niveau === null ? null : String(r.niveau)),
    geslacht: (r) => r.geslacht,
    veldwerkweek: (r) => fieldworkWeek(r.completedAt),
  };
  const weeks = new Map(rows.map((r) => [r.id, value.veldwerkweek(r)]));
  value.veldwerkweek = (r) => weeks.get(r.id)!;
  const hidden = new Map<FlatMeta, Set<string>>();
  for (const col of FLAT_META) {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(value[col](r) ?? '', (counts.get(value[col](r) ?? '') ?? 0) + 1);
    const pattern = suppressionPattern(treeProblem({ id: ROOT, count: rows.length, children: [...counts].map(([v, count]) => ({ id: v, count })) }));
    hidden.set(col, new Set([...pattern.suppressed].filter((id) => id !== ROOT)));
  }
  // Label trees per institution: label 1 > 2 > 3, an empty level a group of its own where its siblings have one.
  const labelHidden = new Set<string>();
  const byBrin = new Map<string, JudgedResponse[]>();
  for (const r of rows) byBrin.set(r.brin, [...(byBrin.get(r.brin) ?? []), r]);
  for (const [brin, list] of byBrin) {
    const counts = new Map<string, number>();
    for (const r of list) for (const g of labelIds(r)) counts.set(g, (counts.get(g) ?? 0) + 1);
    const structure = new GroupStructure(counts.keys());
    const tree = structure.breakdowns((id) => counts.get(id) ?? 0)[0]!;
    const pattern = suppressionPattern(treeProblem({ id: ROOT, count: list.length, children: tree.groups }));
    for (const id of pattern.suppressed) if (id !== ROOT) labelHidden.add(`${brin}|${id}`);
  }
  const text = SUPPRESSED_TEXT.nl;
  return (r, national) => {
    const flat = (col: FlatMeta): CsvValue => {
      const v = value[col](r);
      return hidden.get(col)!.has(v ?? '') ? text : v;
    };
    const path = [r.analyse1, r.analyse2, r.analyse3];
    const labels = path.map((label, level) => {
      // A level is hidden when its group or any group above it is.
      for (let up = 0; up <= level; up++) if (labelHidden.has(`${r.brin}|${labelGroupId(path.slice(0, up + 1))}`)) return text;
      return label;
    });
    const bits = (bit: number) => (r.reasons & bit ? 1 : 0);
    return [
      flat('versie'),
      national ? flat('brin') : flat('module'),
      flat('crebo'),
      flat('leerweg'),
      flat('niveau'),
      flat('geslacht'),
      ...labels,
      flat('veldwerkweek'),
      ...(national ? [r.reasons === 0 ? 1 : 0, bits(REASON_BITS.too_few_answered), bits(REASON_BITS.too_fast), bits(REASON_BITS.straightlining), r.inResults] : []),
    ];
  };
}

/** The label groups of a row, as the results' label tree names them. */
function labelIds(r: JudgedResponse): string[] {
  return groupsOf({ labels: [r.analyse1, r.analyse2, r.analyse3], crebo: null, leerweg: null, niveau: null, leerjaar: null, week: '' }).filter((g) => g.startsWith('a:'));
}
