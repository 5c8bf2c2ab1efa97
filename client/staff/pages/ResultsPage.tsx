// Results under the privacy rule: per question, for the institution beside the national figure, split by an
// analysis label or another breakdown; the CSV of what is shown, and the data file, codebook and SPSS syntax. An
// institution user has its own; an admin the national results (by week) and any institution's (/resultaten/:brin).
// Observers see no results (the server refuses them too).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { BREAKDOWNS_FOR_PAGE, type PageBreakdown } from '../results/breakdowns.ts';
import { exportPath, fetchCleaning, fetchNationalResults, fetchResults, resultsCsvPath } from '../api/staff.ts';
import { useUser } from '../auth-store.ts';
import { usePageHeading } from '../components/use-page-title.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { useLoad } from '../components/use-load.ts';
import { InstitutionPicker } from '../components/InstitutionPicker.tsx';
import { count, dateTime } from '../components/format.ts';
import { ResultTable } from '../results/ResultTable.tsx';
import { currentLanguage } from '../../lib/i18n.ts';
import type { InstitutionResults, NationalResults } from '../../../server/api/staff-reports.ts';

function Cleaned({ brin }: { brin: string }) {
  const { t, i18n } = useTranslation('staff');
  const [report] = useLoad(() => fetchCleaning(brin), brin);
  if (report.state !== 'ok') return null;
  const own = report.value.institutions.find((i) => i.brin === brin);
  if (!own) return null;
  return <p>{t('results.cleaned', { clean: count(own.clean, i18n.language), judged: count(own.judged, i18n.language), excluded: count(own.excluded, i18n.language) })}</p>;
}

function Results({ brin }: { brin: string | null }) {
  const { t, i18n } = useTranslation('staff');
  const lang = currentLanguage(i18n.language);
  const [by, setBy] = useState<PageBreakdown>('');
  const [question, setQuestion] = useState('');
  const [results] = useLoad<InstitutionResults | NationalResults>(() => (brin ? fetchResults(brin, by || null) : fetchNationalResults(by === 'week' ? 'week' : null)), `${brin}:${by}`);
  const options = brin ? BREAKDOWNS_FOR_PAGE : (['', 'week'] as const);
  const r = results.state === 'ok' ? results.value : null;
  // One question at a time unless all are asked for: a hundred tables at once is a long page on a phone.
  const shownKey = question || r?.rows[0]?.key;
  const rows = r ? (question === 'all' ? r.rows : r.rows.filter((x) => x.key === shownKey)) : [];

  return (
    <>
      <section className="card" aria-labelledby="results-about">
        <h2 id="results-about">{t('results.about')}</h2>
        {r && (
          <p>
            {t('results.run', { id: r.run.id, version: r.run.rulesVersion, date: r.run.finishedAt ? dateTime(r.run.finishedAt, lang) : '–' })}
            {r.notJudged > 0 && ` ${t('results.notJudged', { count: r.notJudged, n: count(r.notJudged, lang) })}`}
          </p>
        )}
        {brin && <Cleaned brin={brin} />}
        <p>{t('results.privacy')}</p>
        <h3>{t('results.downloads')}</h3>
        <ul className="downloads">
          <li>
            <a href={resultsCsvPath(brin, by || null)} download>
              {t('results.downloadResults')}
            </a>
          </li>
          <li>
            <a href={exportPath(brin, 'data.csv')} download>
              {t('results.downloadData')}
            </a>
          </li>
          <li>
            <a href={exportPath(brin, 'codebook.csv')} download>
              {t('results.downloadCodebook')}
            </a>
          </li>
          <li>
            <a href={exportPath(brin, 'syntax.sps')} download>
              {t('results.downloadSyntax')}
            </a>
          </li>
        </ul>
      </section>

      <section className="card" aria-labelledby="results-questions">
        <h2 id="results-questions">{t('results.perQuestion')}</h2>
        <div className="controls">
          <div className="field">
            <label htmlFor="results-by">{t('results.by')}</label>
            <select id="results-by" value={by} onChange={(e) => setBy(e.target.value as PageBreakdown)}>
              {options.map((b) => (
                <option key={b} value={b}>
                  {t(`results.breakdowns.${b || 'none'}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="results-question">{t('results.question')}</label>
            <select id="results-question" value={question || shownKey || ''} onChange={(e) => setQuestion(e.target.value)}>
              {r?.rows.map((x) => (
                <option key={x.key} value={x.key}>
                  {x.text[lang]}
                  {x.itemText ? ` – ${x.itemText[lang]}` : ''}
                </option>
              ))}
              <option value="all">{t('results.allQuestions', { n: r?.rows.length ?? 0 })}</option>
            </select>
          </div>
        </div>
        <div aria-live="polite" className="sr-only">
          {results.state === 'loading' ? t('app.loading') : ''}
        </div>
        {!r && <LoadProblem load={results} />}
        {r && rows.map((row) => <ResultTable key={row.key} row={row} groups={r.groups} />)}
      </section>
    </>
  );
}

export default function ResultsPage({ brin }: { brin?: string }) {
  const { t } = useTranslation('staff');
  const user = useUser();
  const me = user !== null && user !== 'unknown' ? user : null;
  const target = brin ?? (me?.role === 'institution' ? me.brin : null);
  const title = target ? t('results.headingOf', { brin: target }) : t('results.nationalHeading');
  const heading = usePageHeading(title);
  return (
    <>
      {brin && me?.role === 'admin' && (
        <p className="breadcrumb">
          <Link href="/resultaten">{t('results.backToNational')}</Link>
        </p>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {me?.role === 'observer' ? (
        <LoadProblem load={{ state: 'forbidden' }} />
      ) : (
        <>
          {!target && (
            <section className="card">
              <InstitutionPicker id="results-brin" to={(b) => `/resultaten/${b}`} />
            </section>
          )}
          <Results key={target ?? 'national'} brin={target} />
        </>
      )}
    </>
  );
}
