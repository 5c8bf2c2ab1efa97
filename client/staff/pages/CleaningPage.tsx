// The cleaning report of the latest run: how many completed questionnaires were judged, how many count in results
// and how many were left out by each rule, nationally and per institution (an institution user: its own).
import { useTranslation } from 'react-i18next';
import type { CleaningCounts } from '../../../server/api/staff-reports.ts';
import { fetchCleaning } from '../api/staff.ts';
import { useUser } from '../auth-store.ts';
import { usePageHeading } from '../components/use-page-title.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { useLoad } from '../components/use-load.ts';
import { DataTable } from '../components/DataTable.tsx';
import { count, dateTime, percent } from '../components/format.ts';

const REASONS = ['too_few_answered', 'too_fast', 'straightlining'] as const;

export default function CleaningPage() {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const heading = usePageHeading(t('cleaning.heading'));
  const user = useUser();
  const own = user !== null && user !== 'unknown' && user.role === 'institution' ? user.brin : null;
  const [report] = useLoad(() => fetchCleaning(own));
  const cells = (c: CleaningCounts) => [count(c.judged, lang), count(c.clean, lang), count(c.excluded, lang), percent(c.judged ? (c.excluded / c.judged) * 100 : null, lang), ...REASONS.map((r) => count(c.byReason[r], lang))];
  const columns = [t('cleaning.judged'), t('cleaning.clean'), t('cleaning.excluded'), t('cleaning.excludedPercent'), ...REASONS.map((r) => t(`cleaning.reasons.${r}`))];
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('cleaning.heading')}
      </h1>
      {user !== null && user !== 'unknown' && user.role === 'observer' ? (
        <LoadProblem load={{ state: 'forbidden' }} />
      ) : report.state !== 'ok' ? (
        <LoadProblem load={report} />
      ) : (
        <>
          <section className="card" aria-labelledby="cleaning-run">
            <h2 id="cleaning-run">{t('cleaning.run')}</h2>
            <p>
              {report.value.run
                ? t('cleaning.runText', { id: report.value.run.id, version: report.value.run.rulesVersion, date: report.value.run.finishedAt ? dateTime(report.value.run.finishedAt, lang) : '–' })
                : t('cleaning.noRun')}
            </p>
            {report.value.notJudged > 0 && <p className="notice">{t('cleaning.notJudged', { count: report.value.notJudged, n: count(report.value.notJudged, lang) })}</p>}
            <p className="field-hint">{t('cleaning.rules')}</p>
          </section>
          <section className="card" aria-labelledby="cleaning-counts">
            <h2 id="cleaning-counts">{t('cleaning.counts')}</h2>
            <DataTable
              caption={t('cleaning.caption')}
              columns={[t('sessions.institution'), ...columns]}
              rows={[
                ...(own ? [] : [{ key: 'national', className: 'total', cells: [t('cleaning.national'), ...cells(report.value.national)] }]),
                ...report.value.institutions.map((i) => ({ key: i.brin, cells: [`${i.name} (${i.brin})`, ...cells(i)] })),
              ]}
            />
          </section>
        </>
      )}
    </>
  );
}
