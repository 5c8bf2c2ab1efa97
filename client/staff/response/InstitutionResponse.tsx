// One institution's response overview: the label tree as a table, response % per group against the required
// response, the response over time (also per response label 1), login problems per day, the CSV download and the
// bedrijfsgroep setting.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstitutionResponseOverview } from '../../../server/api/staff-reports.ts';
import { fetchOverview, overviewCsvPath } from '../api/staff.ts';
import { useUser } from '../auth-store.ts';
import { BedrijfsgroepForm } from '../components/BedrijfsgroepForm.tsx';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { useLoad } from '../components/use-load.ts';
import { count, day } from '../components/format.ts';
import { FiguresTable } from './FiguresTable.tsx';
import { LoginProblemsChart, OverTimeChart, ResponseBars } from './ResponseCharts.tsx';
import { flattenTree, requiredPercent, type TreeRow } from './tree.ts';

function Overview({ o, onSettingSaved }: { o: InstitutionResponseOverview; onSettingSaved: () => void }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const user = useUser();
  const rows = flattenTree(o.tree, t);
  const levels = [...new Set(rows.map((r) => r.level))].sort();
  const [level, setLevel] = useState(1);
  const shown = rows.filter((r) => r.level === level);
  const label = (r: TreeRow) => [...r.path, r.name].join(' › ');
  const canSet = user !== null && user !== 'unknown' && user.role !== 'observer';

  return (
    <>
      <section className="card" aria-labelledby="response-about">
        <h2 id="response-about">{t('response.about')}</h2>
        <ul className="facts">
          <li>{o.peildatum ? t('response.peildatum', { date: day(o.peildatum, lang) }) : t('response.noPopulation')}</li>
          <li>{o.labelFile ? t('response.labelFile', { name: o.labelFile.fileName, date: o.labelFile.fileDate ? day(o.labelFile.fileDate, lang) : '–' }) : t('response.noLabelFile')}</li>
          <li>{o.bedrijfsgroepInRespons ? t('response.bedrijfsgroepIn') : t('response.bedrijfsgroepOut')}</li>
        </ul>
        {o.labelRowsWithoutStudent > 0 && (
          <p className="notice">{t('response.rowsWithoutStudent', { count: o.labelRowsWithoutStudent, n: count(o.labelRowsWithoutStudent, lang) })}</p>
        )}
        <p>
          <a href={overviewCsvPath(o.brin)} download>
            {t('response.downloadCsv')}
          </a>
        </p>
      </section>

      <section className="card" aria-labelledby="response-tree">
        <h2 id="response-tree">{t('response.perGroup')}</h2>
        <p className="field-hint">{t('response.treeHint')}</p>
        <FiguresTable
          id="tree"
          caption={t('response.treeCaption', { name: o.name })}
          rows={[
            { key: 'total', head: t('response.total'), figures: o.totals, total: true },
            ...rows.map((r) => ({
              key: r.key,
              level: r.level,
              figures: r.figures,
              head: (
                <>
                  {r.path.length > 0 && <span className="sr-only">{r.path.join(' › ')} › </span>}
                  {r.name}
                </>
              ),
            })),
          ]}
        />
      </section>

      <section className="card" aria-labelledby="response-charts">
        <h2 id="response-charts">{t('response.charts')}</h2>
        {levels.length > 1 && (
          <div className="field narrow-field">
            <label htmlFor="bars-level">{t('response.barsLevel')}</label>
            <select id="bars-level" value={level} onChange={(e) => setLevel(Number(e.target.value))}>
              {levels.map((l) => (
                <option key={l} value={l}>
                  {t('response.level', { level: l })}
                </option>
              ))}
            </select>
          </div>
        )}
        {shown.length > 0 ? (
          <ResponseBars id="bars" title={t('charts.barsTitle', { level })} groups={shown.map((r) => ({ key: r.key, label: label(r), figures: r.figures }))} />
        ) : (
          <p>{t('response.noGroups')}</p>
        )}
        <OverTimeChart
          id="over-time"
          required={requiredPercent(o.totals)}
          series={[
            { name: o.name, perDay: o.perDay },
            ...(o.perDayByLabel1.length > 1 ? o.perDayByLabel1.map((l) => ({ name: l.label ?? t('response.withoutLabel1'), perDay: l.perDay })) : []),
          ]}
        />
        <LoginProblemsChart id="logins" days={o.loginOutcomes} />
      </section>

      {canSet && (
        <section className="card">
          <BedrijfsgroepForm brin={o.brin} heading="setting" onSaved={onSettingSaved} />
        </section>
      )}
    </>
  );
}

export function InstitutionResponse({ brin, onName }: { brin: string; onName: (name: string) => void }) {
  const [round, setRound] = useState(0);
  const [overview] = useLoad(
    () =>
      fetchOverview(brin).then((o) => {
        onName(o.name);
        return o;
      }),
    `${brin}:${round}`,
  );
  if (overview.state !== 'ok') return <LoadProblem load={overview} />;
  return <Overview o={overview.value} onSettingSaved={() => setRound((r) => r + 1)} />;
}
