// Results as a terminal report and as CSV for Dutch Excel: per result row a small table (institution, national
// figure, the groups), the figures of a suppressed cell replaced by "Niet getoond i.v.m. AVG", never a number.
import type { InstitutionResults, NationalResults, ResultCell, ResultGroup, ResultRow } from '../../api/staff-reports.ts';
import { toExcelCsv, type CsvRow } from './excel-csv.ts';
import type { Lang } from './overview-output.ts';

/** What every output shows instead of the figures of a group under the privacy minimum, and of a small group's background value. */
export const SUPPRESSED_TEXT = { nl: 'Niet getoond i.v.m. AVG', en: 'Not shown (privacy)' } as const;

const T = {
  nl: {
    institution: 'Instelling',
    national: 'Landelijk',
    none: { analyselabel: 'zonder label', other: 'onbekend' },
    n: 'n',
    mean: 'gemiddelde',
    median: 'mediaan',
    bands: ['% negatief', '% neutraal', '% positief'],
    group: 'groep',
    question: 'vraag',
    own: 'eigen vraag van de instelling',
    versions: 'versies',
    run: (id: number, v: number, at: string | null) => `Opschoonronde ${id} (regels versie ${v}, ${at?.slice(0, 10) ?? ''})`,
    notJudged: (n: number) => (n ? `Let op: ${n} voltooide responsen zijn na deze ronde binnengekomen en tellen nog niet mee.` : ''),
    title: (what: string) => `Resultaten ${what}`,
    nationalTitle: 'landelijk',
  },
  en: {
    institution: 'Institution',
    national: 'National',
    none: { analyselabel: 'zonder label (no label)', other: 'unknown' },
    n: 'n',
    mean: 'mean',
    median: 'median',
    bands: ['% negative', '% neutral', '% positive'],
    group: 'group',
    question: 'question',
    own: "institution's own question",
    versions: 'versions',
    run: (id: number, v: number, at: string | null) => `Cleaning run ${id} (rules version ${v}, ${at?.slice(0, 10) ?? ''})`,
    notJudged: (n: number) => (n ? `Note: ${n} completed responses came in after this run and do not count yet.` : ''),
    title: (what: string) => `Results ${what}`,
    nationalTitle: 'national',
  },
} as const;

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

export function groupName(g: ResultGroup, lang: Lang): string {
  const t = T[lang];
  if (g.path) return g.path.map((p, i) => p ?? (i === 0 ? t.none.analyselabel : '-')).join(' > ');
  if (g.text) return g.text[lang];
  return g.label ?? t.none.other;
}

/** The columns of a row's table: n, then per category its %, bands, mean or median, and the opt-outs. */
function columnsOf(row: ResultRow, lang: Lang): { head: string; value: (c: Extract<ResultCell, { suppressed: false }>) => number | null }[] {
  const t = T[lang];
  const cols: { head: string; value: (c: Extract<ResultCell, { suppressed: false }>) => number | null }[] = [{ head: t.n, value: (c) => c.n }];
  if (row.type !== 'number') {
    row.categories.forEach((cat, i) => cols.push({ head: `% ${cat.text[lang]}`, value: (c) => round1(c.distribution[i]?.percent ?? null) }));
  }
  if (row.type === 'grid') t.bands.forEach((head, i) => cols.push({ head, value: (c) => round1(c.bands ? [c.bands.negative, c.bands.neutral, c.bands.positive][i]! : null) }));
  if (row.type === 'grid' || row.type === 'grade' || row.type === 'number') cols.push({ head: t.mean, value: (c) => round2(c.mean) });
  if (row.type === 'number') cols.push({ head: t.median, value: (c) => c.median });
  for (const o of row.optOuts) cols.push({ head: o.text[lang], value: (c) => c.optOuts[o.code] ?? 0 });
  return cols;
}

function cellsOf(results: InstitutionResults | NationalResults, row: ResultRow, lang: Lang): [string, ResultCell][] {
  const t = T[lang];
  return [
    ...(row.institution ? ([[t.institution, row.institution]] as [string, ResultCell][]) : []),
    ...(row.national ? ([[t.national, row.national]] as [string, ResultCell][]) : []),
    ...results.groups.map((g, i): [string, ResultCell] => [groupName(g, lang), row.groups[i]!]),
  ];
}

const rowTitle = (row: ResultRow, lang: Lang) => `${row.key}  ${row.text[lang]}${row.itemText ? ` - ${row.itemText[lang]}` : ''}${row.module ? ` (${T[lang].own})` : ''}`;

function header(results: InstitutionResults | NationalResults, lang: Lang): string[] {
  const t = T[lang];
  const what = 'brin' in results ? `${results.name} (${results.brin})${results.by ? `, per ${results.by}` : ''}` : `${t.nationalTitle}${results.by ? `, per ${results.by}` : ''}`;
  return [t.title(what), t.run(results.run.id, results.run.rulesVersion, results.run.finishedAt), t.notJudged(results.notJudged)].filter(Boolean);
}

export function resultsText(results: InstitutionResults | NationalResults, lang: Lang = 'nl'): string {
  const fmt = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
  const out = [...header(results, lang), ''];
  for (const row of results.rows) {
    const cols = columnsOf(row, lang);
    const lines = [[T[lang].group, ...cols.map((c) => c.head)]];
    for (const [name, cell] of cellsOf(results, row, lang)) {
      lines.push(cell.suppressed ? [name, SUPPRESSED_TEXT[lang]] : [name, ...cols.map((c) => (c.value(cell) === null ? '-' : fmt.format(c.value(cell)!)))]);
    }
    const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
    out.push(rowTitle(row, lang), ...lines.map((l) => `  ${l.map((v, i) => (i === 0 || l.length === 2 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ').trimEnd()}`), '');
  }
  return out.join('\n');
}

/** One block per result row: its title, a header with its categories, then a line per cell. */
export function resultsCsv(results: InstitutionResults | NationalResults, lang: Lang = 'nl'): string {
  const t = T[lang];
  const rows: CsvRow[] = header(results, lang).map((h) => [h]);
  for (const row of results.rows) {
    const cols = columnsOf(row, lang);
    rows.push([], [t.question, row.key, row.text[lang], row.itemText?.[lang] ?? null, `${t.versions}: ${row.versions.join(', ')}`, row.module ? t.own : null]);
    rows.push([t.group, ...cols.map((c) => c.head)]);
    for (const [name, cell] of cellsOf(results, row, lang)) rows.push(cell.suppressed ? [name, SUPPRESSED_TEXT[lang]] : [name, ...cols.map((c) => c.value(cell))]);
  }
  return toExcelCsv(rows);
}
