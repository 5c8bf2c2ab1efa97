// All institutions (admins): population, response and the label file status of each, with links to their
// response overview, label file and results.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { fetchLabelStatuses, fetchNationalOverview } from '../api/staff.ts';
import { usePageHeading } from '../components/use-page-title.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { useLoad } from '../components/use-load.ts';
import { DataTable } from '../components/DataTable.tsx';
import { count, percent } from '../components/format.ts';
import { labelStatusText } from '../labels/status-text.ts';

export default function InstitutionsPage() {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const heading = usePageHeading(t('institutions.heading'));
  const [overview] = useLoad(fetchNationalOverview);
  const [statuses] = useLoad(fetchLabelStatuses);
  const labels = new Map(statuses.state === 'ok' ? statuses.value.map((s) => [s.brin, s]) : []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('institutions.heading')}
      </h1>
      <section className="card">
        <p>{t('institutions.intro')}</p>
        {overview.state !== 'ok' ? (
          <LoadProblem load={overview} />
        ) : (
          <>
            <LoadProblem load={statuses} />
            <DataTable
              caption={t('institutions.caption')}
              textColumns={[5, 6]}
              columns={[t('sessions.institution'), t('response.population'), t('response.completed'), t('response.percent'), t('response.reached'), t('institutions.labelFile'), t('institutions.pages')]}
              rows={overview.value.institutions.map((i) => {
                const s = labels.get(i.brin);
                return {
                  key: i.brin,
                  cells: [
                    `${i.name} (${i.brin})`,
                    count(i.population, lang),
                    count(i.completed, lang),
                    percent(i.responsePercent, lang),
                    i.population === 0 ? '–' : i.reached ? t('response.yes') : t('response.no'),
                    s ? labelStatusText(s, t, lang) : '–',
                    <ul className="inline-links">
                      <li>
                        <Link href={`/respons/${i.brin}`} aria-label={t('institutions.responseOf', { name: i.name })}>
                          {t('nav.response')}
                        </Link>
                      </li>
                      <li>
                        <Link href={`/labelbestand/${i.brin}`} aria-label={t('institutions.labelsOf', { name: i.name })}>
                          {t('nav.labels')}
                        </Link>
                      </li>
                      <li>
                        <Link href={`/resultaten/${i.brin}`} aria-label={t('institutions.resultsOf', { name: i.name })}>
                          {t('nav.results')}
                        </Link>
                      </li>
                    </ul>,
                  ],
                };
              })}
            />
          </>
        )}
      </section>
    </>
  );
}
