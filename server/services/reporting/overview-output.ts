// The response overview as a terminal table and as CSV for Dutch Excel (the one CSV writer), in Dutch or English.
import type { DayPoint, InstitutionResponseOverview, LoginOutcomeDay, NationalResponseOverview, OverviewNode, ResponseFigures } from '../../api/staff-reports.ts';
import { toExcelCsv, type CsvRow } from './excel-csv.ts';

export type Lang = 'nl' | 'en';

const T = {
  nl: {
    title: (what: string) => `Responsoverzicht ${what}`,
    national: 'landelijk',
    peildatum: (p: string | null) => `populatie van peildatum ${p ?? '(geen populatie)'}`,
    labelFile: (f: string | null) => `Labelbestand: ${f ?? 'geen'}`,
    bedrijfsgroep: (yes: boolean) => `bedrijfsgroep: ${yes ? 'eigen groep in dit overzicht' : 'niet in dit overzicht'}`,
    withoutStudent: (n: number) => `Rijen in het labelbestand zonder student in de DUO-populatie (kunnen niet inloggen): ${n}`,
    head: ['groep', 'populatie', 'gestart', 'voltooid', 'respons', 'nodig', 'bereikt', 'foutmarge'],
    total: 'Totaal',
    zonder: 'zonder label',
    noLabel: '(geen responslabel)',
    bg: (v: string) => `bedrijfsgroep: ${v}`,
    yes: 'ja',
    no: 'nee',
    perDay: 'Voltooid per dag',
    dayHead: ['dag', 'voltooid', 'cumulatief', 'cumulatief %'],
    logins: 'Inlogpogingen per dag',
    loginHead: ['dag', 'gelukt', 'niet gevonden', 'dubbel (vraag geslacht/voorletter)', 'geblokkeerd', 'al ingevuld'],
    csvTree: ['niveau', 'responslabel 1', 'responslabel 2', 'responslabel 3', 'soort', 'populatie', 'gestart', 'voltooid', 'respons %', 'benodigde respons', 'bereikt', 'foutmarge (procentpunten)'],
    csvDay: ['dag', 'groep', 'voltooid', 'cumulatief', 'cumulatief %'],
    institutions: ['BRIN', 'instelling', 'populatie', 'gestart', 'voltooid', 'respons %', 'benodigde respons', 'bereikt', 'foutmarge (procentpunten)'],
    kinds: { label: 'label', no_label: 'geen responslabel', zonder_label: 'zonder label', bedrijfsgroep: 'bedrijfsgroep' },
    margin: { no_population: 'geen populatie', no_completed: 'nog niemand', census: 'iedereen', more_completed_than_population: 'meer voltooid dan populatie' },
  },
  en: {
    title: (what: string) => `Response overview ${what}`,
    national: 'national',
    peildatum: (p: string | null) => `population of reference date ${p ?? '(no population)'}`,
    labelFile: (f: string | null) => `Label file: ${f ?? 'none'}`,
    bedrijfsgroep: (yes: boolean) => `bedrijfsgroep: ${yes ? 'a group of its own in this overview' : 'left out of this overview'}`,
    withoutStudent: (n: number) => `Label file rows without a student in the DUO population (cannot log in): ${n}`,
    head: ['group', 'population', 'started', 'completed', 'response', 'required', 'reached', 'margin'],
    total: 'Total',
    zonder: 'zonder label (not in the label file)',
    noLabel: '(no response label)',
    bg: (v: string) => `bedrijfsgroep: ${v}`,
    yes: 'yes',
    no: 'no',
    perDay: 'Completed per day',
    dayHead: ['day', 'completed', 'cumulative', 'cumulative %'],
    logins: 'Login attempts per day',
    loginHead: ['day', 'success', 'not found', 'ambiguous (asked gender/initial)', 'locked', 'already completed'],
    csvTree: ['level', 'response label 1', 'response label 2', 'response label 3', 'kind', 'population', 'started', 'completed', 'response %', 'required response', 'reached', 'margin (percentage points)'],
    csvDay: ['day', 'group', 'completed', 'cumulative', 'cumulative %'],
    institutions: ['BRIN', 'institution', 'population', 'started', 'completed', 'response %', 'required response', 'reached', 'margin (percentage points)'],
    kinds: { label: 'label', no_label: 'no response label', zonder_label: 'zonder label', bedrijfsgroep: 'bedrijfsgroep' },
    margin: { no_population: 'no population', no_completed: 'nobody yet', census: 'everyone', more_completed_than_population: 'more completed than population' },
  },
} as const;

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const marginPoints = (f: ResponseFigures) => round1(f.margin === null ? null : f.margin * 100);

function numberText(lang: Lang) {
  const fmt = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  return (x: number | null) => (x === null ? '-' : fmt.format(x));
}

function table(rows: string[][], rightFrom = 1): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((v, i) => (i >= rightFrom ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

function figuresText(f: ResponseFigures, lang: Lang): string[] {
  const n = numberText(lang);
  const t = T[lang];
  const margin = f.margin !== null ? `± ${n(marginPoints(f))}` : t.margin[f.marginNote ?? 'no_completed'];
  return [n(f.population), n(f.started), n(f.completed), f.responsePercent === null ? '-' : `${n(round1(f.responsePercent))}%`, n(f.required), f.reached ? t.yes : t.no, margin];
}

function nodeName(node: OverviewNode, lang: Lang): string {
  const t = T[lang];
  if (node.kind === 'zonder_label') return t.zonder;
  if (node.kind === 'no_label') return t.noLabel;
  if (node.kind === 'bedrijfsgroep') return t.bg(node.label!);
  return node.label!;
}

function daysText(days: DayPoint[], lang: Lang, extra: { name: string; days: DayPoint[] }[] = []): string {
  const t = T[lang];
  const n = numberText(lang);
  const byDay = extra.map((e) => new Map(e.days.map((d) => [d.day, d])));
  const rows = [[...t.dayHead, ...extra.map((e) => `% ${e.name}`)]];
  for (const d of days) {
    rows.push([d.day, n(d.completed), n(d.cumulative), n(round1(d.cumulativePercent)), ...byDay.map((m) => n(round1(m.get(d.day)?.cumulativePercent ?? null)))]);
  }
  return table(rows);
}

function loginsText(days: LoginOutcomeDay[], lang: Lang): string {
  const rows = [[...T[lang].loginHead], ...days.map((d) => [d.day, ...[d.success, d.not_found, d.ambiguous, d.locked, d.completed].map(String)])];
  return table(rows);
}

export function institutionOverviewText(o: InstitutionResponseOverview, lang: Lang = 'nl'): string {
  const t = T[lang];
  const rows: string[][] = [[...t.head], [t.total, ...figuresText(o.totals, lang)]];
  const walk = (nodes: OverviewNode[], depth: number) => {
    for (const node of nodes) {
      rows.push([`${'  '.repeat(depth)}${nodeName(node, lang)}`, ...figuresText(node, lang)]);
      walk(node.children, depth + 1);
    }
  };
  walk(o.tree, 1);
  const label1 = o.perDayByLabel1.map((l) => ({ name: l.label ?? t.noLabel, days: l.perDay }));
  return [
    `${t.title(`${o.name} (${o.brin})`)}, ${t.peildatum(o.peildatum)}`,
    `${t.labelFile(o.labelFile?.fileName ?? null)}; ${t.bedrijfsgroep(o.bedrijfsgroepInRespons)}`,
    t.withoutStudent(o.labelRowsWithoutStudent),
    '',
    table(rows),
    '',
    `${t.perDay}:`,
    o.perDay.length ? daysText(o.perDay, lang, label1) : '-',
    '',
    `${t.logins}:`,
    o.loginOutcomes.length ? loginsText(o.loginOutcomes, lang) : '-',
  ].join('\n') + '\n';
}

export function nationalOverviewText(o: NationalResponseOverview, lang: Lang = 'nl'): string {
  const t = T[lang];
  const rows: string[][] = [[...t.head], ...o.institutions.map((i) => [`${i.brin} ${i.name}`, ...figuresText(i, lang)]), [t.total, ...figuresText(o.total, lang)]];
  return [
    `${t.title(t.national)}, ${t.peildatum(o.peildatum)}`,
    '',
    table(rows),
    '',
    `${t.perDay}:`,
    o.perDay.length ? daysText(o.perDay, lang) : '-',
    '',
    `${t.logins}:`,
    o.loginOutcomes.length ? loginsText(o.loginOutcomes, lang) : '-',
  ].join('\n') + '\n';
}

function figuresCells(f: ResponseFigures, lang: Lang): CsvRow {
  return [f.population, f.started, f.completed, round1(f.responsePercent), f.required, f.reached ? T[lang].yes : T[lang].no, f.margin === null ? T[lang].margin[f.marginNote ?? 'no_completed'] : marginPoints(f)];
}

function dayRows(group: string, days: DayPoint[]): CsvRow[] {
  return days.map((d) => [d.day, group, d.completed, d.cumulative, round1(d.cumulativePercent)]);
}

function loginRows(days: LoginOutcomeDay[], lang: Lang): CsvRow[] {
  return [[...T[lang].loginHead], ...days.map((d) => [d.day, d.success, d.not_found, d.ambiguous, d.locked, d.completed])];
}

/** The institution's overview as one CSV: the label tree, then completions per day, then login outcomes per day. */
export function institutionOverviewCsv(o: InstitutionResponseOverview, lang: Lang = 'nl'): string {
  const t = T[lang];
  const rows: CsvRow[] = [[...t.csvTree], [0, null, null, null, t.total, ...figuresCells(o.totals, lang)]];
  const walk = (nodes: OverviewNode[], path: (string | null)[]) => {
    for (const node of nodes) {
      const here = [...path, nodeName(node, lang)];
      const labels = [0, 1, 2].map((i) => here[i] ?? null);
      rows.push([node.level, ...labels, t.kinds[node.kind], ...figuresCells(node, lang)]);
      walk(node.children, here);
    }
  };
  walk(o.tree, []);
  rows.push([], [t.withoutStudent(o.labelRowsWithoutStudent)], [], [t.perDay], [...t.csvDay], ...dayRows(t.total, o.perDay));
  for (const l of o.perDayByLabel1) rows.push(...dayRows(l.label ?? t.noLabel, l.perDay));
  rows.push([], [t.logins], ...loginRows(o.loginOutcomes, lang));
  return toExcelCsv(rows);
}

export function nationalOverviewCsv(o: NationalResponseOverview, lang: Lang = 'nl'): string {
  const t = T[lang];
  const rows: CsvRow[] = [
    [...t.institutions],
    ...o.institutions.map((i) => [i.brin, i.name, ...figuresCells(i, lang)]),
    [null, t.total, ...figuresCells(o.total, lang)],
    [],
    [t.perDay],
    [...t.csvDay],
    ...dayRows(t.total, o.perDay),
    [],
    [t.logins],
    ...loginRows(o.loginOutcomes, lang),
  ];
  return toExcelCsv(rows);
}
