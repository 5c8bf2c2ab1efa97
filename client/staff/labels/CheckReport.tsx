// The labels service's check report in the page: the verdict, the link to the population, how many responses get
// other labels, and every error and warning by worksheet, row and column (at most 100 listed per kind, the rest
// counted), in Dutch or English as the server wrote them.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelCheckReport, LabelIssue } from '../../../server/api/staff-labels.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import { DataTable } from '../components/DataTable.tsx';
import { count, day } from '../components/format.ts';

function Issues({ id, title, issues, counts }: { id: string; title: string; issues: LabelIssue[]; counts: Partial<Record<string, number>> }) {
  const { t, i18n } = useTranslation('staff');
  const lang = currentLanguage(i18n.language);
  const total = Object.values(counts).reduce<number>((s, n) => s + (n ?? 0), 0);
  if (total === 0) return null;
  const byCode = new Map<string, LabelIssue[]>();
  for (const i of issues) byCode.set(i.code, [...(byCode.get(i.code) ?? []), i]);
  const sheets = new Set(issues.map((i) => i.sheet).filter(Boolean)).size > 1;
  const rows = [...byCode.entries()].flatMap(([code, list]) => {
    const rest = (counts[code] ?? list.length) - list.length;
    return [
      ...list.map((i, k) => ({
        key: `${code}-${k}`,
        cells: [
          i.row ?? '–',
          i.column ?? '–',
          <>
            {sheets && i.sheet ? `${t('labels.sheet', { name: i.sheet })}: ` : ''}
            {i.message[lang]}
          </>,
        ] as ReactNode[],
      })),
      ...(rest > 0 ? [{ key: `${code}-more`, className: 'more', cells: ['…', '', t('labels.moreOfKind', { count: rest, n: count(rest, i18n.language) })] as ReactNode[] }] : []),
    ];
  });
  return (
    <>
      <h3 id={id}>{t('labels.issuesHeading', { title, n: count(total, i18n.language) })}</h3>
      <DataTable caption={title} captionHidden textColumns={[2]} columns={[t('labels.row'), t('labels.column'), t('labels.message')]} rows={rows} />
    </>
  );
}

export function CheckReport({ report }: { report: LabelCheckReport }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const c = report.counts;
  const facts: [string, string][] = [
    [t('labels.facts.rows'), count(c.rows, lang)],
    [t('labels.facts.bedrijfsgroep'), count(c.bedrijfsgroepRows, lang)],
    [t('labels.facts.population', { date: c.peildatum ? day(c.peildatum, lang) : '–' }), count(c.population, lang)],
    [t('labels.facts.matched'), count(c.matched, lang)],
    [t('labels.facts.notInPopulation'), count(c.notInPopulation, lang)],
    [t('labels.facts.zonderLabel'), count(c.zonderLabel, lang)],
  ];
  if (c.responsesChanged !== null && c.responsesTagged !== null) {
    facts.push([report.dryRun ? t('labels.facts.wouldChange') : t('labels.facts.changed'), t('labels.facts.ofResponses', { n: count(c.responsesChanged, lang), of: count(c.responsesTagged, lang) })]);
  }
  return (
    <div className="check-report">
      {report.format && (
        <dl className="facts-list">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      <Issues id="report-errors" title={t('labels.errors')} issues={report.errors} counts={c.errors} />
      <Issues id="report-warnings" title={t('labels.warnings')} issues={report.warnings} counts={c.warnings} />
    </div>
  );
}
