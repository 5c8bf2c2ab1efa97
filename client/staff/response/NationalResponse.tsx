// The national response overview (admins): every institution with its figures and a link to its own overview,
// response % per institution against the required response, the national response over time, login problems.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { fetchNationalOverview, overviewCsvPath } from '../api/staff.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { useLoad } from '../components/use-load.ts';
import { day } from '../components/format.ts';
import { FiguresTable } from './FiguresTable.tsx';
import { LoginProblemsChart, OverTimeChart, ResponseBars } from './ResponseCharts.tsx';
import { requiredPercent } from './tree.ts';

export function NationalResponse() {
  const { t, i18n } = useTranslation('staff');
  const [overview] = useLoad(fetchNationalOverview);
  if (overview.state !== 'ok') return <LoadProblem load={overview} />;
  const o = overview.value;
  return (
    <>
      <section className="card" aria-labelledby="national-about">
        <h2 id="national-about">{t('response.about')}</h2>
        <p>{o.peildatum ? t('response.peildatum', { date: day(o.peildatum, i18n.language) }) : t('response.noPopulation')}</p>
        <p>
          <a href={overviewCsvPath(null)} download>
            {t('response.downloadCsv')}
          </a>
        </p>
      </section>
      <section className="card" aria-labelledby="national-table">
        <h2 id="national-table">{t('response.perInstitution')}</h2>
        <FiguresTable
          id="institutions"
          caption={t('response.nationalCaption')}
          rows={[
            { key: 'total', head: t('response.nationalTotal'), figures: o.total, total: true },
            ...o.institutions.map((i) => ({
              key: i.brin,
              figures: i,
              head: (
                <Link href={`/respons/${i.brin}`}>
                  {i.name} ({i.brin})
                </Link>
              ),
            })),
          ]}
        />
      </section>
      <section className="card" aria-labelledby="national-charts">
        <h2 id="national-charts">{t('response.charts')}</h2>
        <ResponseBars id="bars" title={t('charts.barsInstitutions')} groups={o.institutions.map((i) => ({ key: i.brin, label: i.name, figures: i }))} />
        <OverTimeChart id="over-time" required={requiredPercent(o.total)} series={[{ name: t('response.nationalTotal'), perDay: o.perDay }]} />
        <LoginProblemsChart id="logins" days={o.loginOutcomes} />
      </section>
    </>
  );
}
