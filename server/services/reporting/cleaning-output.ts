// The cleaning report and a cleaning run's outcome as text for the terminal, in Dutch or English.
import type { CleaningCounts, CleaningReport } from '../../api/staff-reports.ts';
import type { CleaningRunResult } from '../cleaning/cleaning-run.ts';
import type { Lang } from './overview-output.ts';

const T = {
  nl: {
    head: ['', 'beoordeeld', 'schoon', 'uitgesloten', 'te weinig beantwoord', 'te snel', 'rechte lijnen'],
    national: 'Landelijk',
    run: (id: number, v: number, at: string | null) => `Opschoonronde ${id}, regels versie ${v}, klaar ${at ?? '-'}`,
    none: 'Er is nog geen opschoonronde gedaan (job-monitor clean).',
    notJudged: (n: number) => `Voltooid na deze ronde, nog niet beoordeeld: ${n}`,
    moved: (prev: number, v: number) => `Verschil met ronde ${prev} (regels versie ${v}):`,
    movedLines: (m: NonNullable<CleaningRunResult['moves']>) => [
      `  vergeleken: ${m.compared}; schoon ${m.clean.before} -> ${m.clean.after}`,
      `  nu uitgesloten: ${m.becameExcluded}; nu schoon: ${m.becameClean}; andere redenen: ${m.reasonsChanged}`,
      `  alleen in de vorige ronde: ${m.onlyBefore}; alleen in deze: ${m.onlyAfter}`,
    ],
    reason: { too_few_answered: 'te weinig beantwoord', too_fast: 'te snel', straightlining: 'rechte lijnen' },
    first: 'Eerste opschoonronde: er is niets om mee te vergelijken.',
  },
  en: {
    head: ['', 'judged', 'clean', 'excluded', 'too few answered', 'too fast', 'straightlining'],
    national: 'National',
    run: (id: number, v: number, at: string | null) => `Cleaning run ${id}, rules version ${v}, finished ${at ?? '-'}`,
    none: 'No cleaning run has been done yet (job-monitor clean).',
    notJudged: (n: number) => `Completed after this run, not judged yet: ${n}`,
    moved: (prev: number, v: number) => `What moved since run ${prev} (rules version ${v}):`,
    movedLines: (m: NonNullable<CleaningRunResult['moves']>) => [
      `  compared: ${m.compared}; clean ${m.clean.before} -> ${m.clean.after}`,
      `  now excluded: ${m.becameExcluded}; now clean: ${m.becameClean}; other reasons: ${m.reasonsChanged}`,
      `  only in the previous run: ${m.onlyBefore}; only in this one: ${m.onlyAfter}`,
    ],
    reason: { too_few_answered: 'too few answered', too_fast: 'too fast', straightlining: 'straightlining' },
    first: 'First cleaning run: nothing to compare with.',
  },
} as const;

const counts = (name: string, c: CleaningCounts) => [name, c.judged, c.clean, c.excluded, c.byReason.too_few_answered, c.byReason.too_fast, c.byReason.straightlining].map(String);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((v, i) => (i ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

export function cleaningReportText(r: CleaningReport, lang: Lang = 'nl'): string {
  const t = T[lang];
  if (!r.run) return `${t.none}\n${t.notJudged(r.notJudged)}\n`;
  const rows = [[...t.head], ...r.institutions.map((i) => counts(`${i.brin} ${i.name}`, i)), counts(t.national, r.national)];
  return [t.run(r.run.id, r.run.rulesVersion, r.run.finishedAt), '', table(rows), '', t.notJudged(r.notJudged)].join('\n') + '\n';
}

export function cleaningRunText(r: CleaningRunResult, lang: Lang = 'nl'): string {
  const t = T[lang];
  const lines = [t.run(r.run.id, r.run.rulesVersion, r.run.finishedAt), table([[...t.head], counts(t.national, r.counts)]), ''];
  if (!r.moves) lines.push(t.first);
  else {
    lines.push(t.moved(r.moves.previousRun.id, r.moves.previousRulesVersion), ...t.movedLines(r.moves));
    for (const [code, m] of Object.entries(r.moves.byReason) as [keyof typeof t.reason, (typeof r.moves.byReason)[keyof typeof t.reason]][]) {
      lines.push(`  ${t.reason[code]}: ${m.before} -> ${m.after} (+${m.added}, -${m.removed})`);
    }
  }
  return lines.join('\n') + '\n';
}
