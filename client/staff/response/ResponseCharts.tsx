// The response overview's charts with their tables: response % per group against the required response, the
// cumulative response over time, and login problems per day. Loaded with the charts (charts/lazy.ts).
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayPoint, LoginOutcomeDay, ResponseFigures } from '../../../server/api/staff-reports.ts';
import { BarChart, LineChart, StackedBarChart } from '../charts/lazy.ts';
import { DataTable } from '../components/DataTable.tsx';
import { count, day, percent } from '../components/format.ts';
import { requiredPercent } from './tree.ts';

function Loading() {
  const { t } = useTranslation('staff');
  return <p className="muted">{t('app.loading')}</p>;
}

export function ResponseBars({ id, title, groups }: { id: string; title: string; groups: { key: string; label: string; figures: ResponseFigures }[] }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const bars = groups.map((g) => {
    const required = requiredPercent(g.figures);
    return {
      key: g.key,
      label: g.label,
      value: g.figures.population > 0 ? Math.min(g.figures.responsePercent ?? 0, 100) : null,
      marker: required,
      reached: g.figures.reached,
      text: t('charts.barText', { response: percent(g.figures.responsePercent, lang), required: percent(required, lang) }),
    };
  });
  return (
    <Suspense fallback={<Loading />}>
      <BarChart
        id={id}
        title={title}
        description={t('charts.barsDescription')}
        bars={bars}
        table={
          <DataTable
            caption={title}
            captionHidden
            columns={[t('response.group'), t('response.percent'), t('charts.requiredPercent'), t('response.reached')]}
            rows={groups.map((g) => ({
              key: g.key,
              cells: [g.label, percent(g.figures.responsePercent, lang), percent(requiredPercent(g.figures), lang), g.figures.population === 0 ? '–' : g.figures.reached ? t('response.yes') : t('response.no')],
            }))}
          />
        }
      />
    </Suspense>
  );
}

export function OverTimeChart({ id, series, required }: { id: string; series: { name: string; perDay: DayPoint[] }[]; required: number | null }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const lines = series.map((s) => ({ name: s.name, points: s.perDay.filter((p) => p.cumulativePercent !== null).map((p) => ({ day: p.day, value: p.cumulativePercent! })) }));
  const days = [...new Set(series.flatMap((s) => s.perDay.map((p) => p.day)))].sort();
  const title = t('charts.overTime');
  return (
    <Suspense fallback={<Loading />}>
      <LineChart
        id={id}
        title={title}
        description={t('charts.overTimeDescription')}
        series={lines}
        reference={required === null ? undefined : { value: required, label: t('charts.requiredLine', { value: percent(required, lang) }) }}
        format={(v) => `${Math.round(v)}%`}
        table={
          <DataTable
            caption={title}
            captionHidden
            columns={[t('charts.day'), ...series.flatMap((s) => (series.length > 1 ? [t('charts.cumulativeOf', { name: s.name })] : [t('charts.completedThatDay'), t('charts.cumulative')]))]}
            rows={days.map((d) => ({
              key: d,
              cells: [
                day(d, lang),
                ...series.flatMap((s) => {
                  const p = s.perDay.find((x) => x.day === d);
                  if (series.length > 1) return [p ? percent(p.cumulativePercent, lang) : '–'];
                  return [p ? count(p.completed, lang) : '0', p ? `${count(p.cumulative, lang)} (${percent(p.cumulativePercent, lang)})` : '–'];
                }),
              ],
            }))}
          />
        }
      />
    </Suspense>
  );
}

const PROBLEMS = ['not_found', 'ambiguous', 'locked', 'completed'] as const;

export function LoginProblemsChart({ id, days }: { id: string; days: LoginOutcomeDay[] }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const title = t('charts.loginProblems');
  return (
    <Suspense fallback={<Loading />}>
      <StackedBarChart
        id={id}
        title={title}
        description={t('charts.loginProblemsDescription')}
        categories={PROBLEMS.map((p) => t(`live.failures.${p}`))}
        stacks={days.map((d) => ({ day: d.day, values: PROBLEMS.map((p) => d[p]) }))}
        table={
          <DataTable
            caption={title}
            captionHidden
            columns={[t('charts.day'), t('charts.loginSuccess'), ...PROBLEMS.map((p) => t(`live.failures.${p}`))]}
            rows={days.map((d) => ({ key: d.day, cells: [day(d.day, lang), count(d.success, lang), ...PROBLEMS.map((p) => count(d[p], lang))] }))}
          />
        }
      />
    </Suspense>
  );
}
