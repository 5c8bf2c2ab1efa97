// Lines over calendar days (the cumulative response %), one per series, with an optional reference line (the
// required response). Drawn at the width it is shown (useWidth), time-proportional on the x axis.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure, LegendItem, SERIES_STYLES } from './ChartFigure.tsx';
import { useWidth } from './use-width.ts';
import { day as formatDay } from '../components/format.ts';

export interface Series {
  name: string;
  /** Days (YYYY-MM-DD) in order, with the value on that day. */
  points: { day: string; value: number }[];
}

const HEIGHT = 220;
const M = { top: 12, right: 12, bottom: 28, left: 44 };
const time = (d: string) => Date.parse(`${d}T00:00:00Z`);

interface Props {
  id: string;
  title: string;
  description: string;
  series: Series[];
  /** A horizontal line at this value, with its legend text. */
  reference?: { value: number; label: string };
  /** How a value reads on the axis ("50%"). */
  format: (v: number) => string;
  table: ReactNode;
}

export default function LineChart({ id, title, description, series, reference, format, table }: Props) {
  const { t, i18n } = useTranslation('staff');
  const [ref, width] = useWidth<HTMLDivElement>();
  const days = [...new Set(series.flatMap((s) => s.points.map((p) => p.day)))].sort();
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  const top = Math.max(reference?.value ?? 0, ...values, 1);
  const yMax = top <= 100 && top > 20 ? 100 : niceCeiling(top);
  const t0 = days.length ? time(days[0]!) : 0;
  const t1 = days.length > 1 ? time(days[days.length - 1]!) : t0 + 86_400_000;
  const w = Math.max(width - M.left - M.right, 10);
  const h = HEIGHT - M.top - M.bottom;
  const x = (d: string) => M.left + ((time(d) - t0) / (t1 - t0)) * w;
  const y = (v: number) => M.top + h - (v / yMax) * h;
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  const xTickCount = Math.max(2, Math.min(days.length, Math.floor(w / 90)));
  const xTicks = days.length <= 1 ? days : Array.from({ length: xTickCount }, (_, i) => days[Math.round((i * (days.length - 1)) / (xTickCount - 1))]!);

  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      table={table}
      legend={
        (series.length > 1 || reference) && (
          <>
            {series.map((s, i) => (
              <LegendItem key={s.name} kind="line" color={SERIES_STYLES[i % SERIES_STYLES.length]!.color} dash={SERIES_STYLES[i % SERIES_STYLES.length]!.dash}>
                {s.name}
              </LegendItem>
            ))}
            {reference && (
              <LegendItem kind="line" color="#1a1a2e" dash="3 3">
                {reference.label}
              </LegendItem>
            )}
          </>
        )
      }
    >
      <div ref={ref} className="chart-canvas">
        {width > 0 && days.length === 0 && <p className="muted">{t('charts.noData')}</p>}
        {width > 0 && days.length > 0 && (
          <svg width={width} height={HEIGHT} aria-hidden="true" focusable="false" className="chart-svg">
            {yTicks.map((v) => (
              <g key={v}>
                <line x1={M.left} x2={M.left + w} y1={y(v)} y2={y(v)} stroke="#d5d8e2" />
                <text x={M.left - 6} y={y(v) + 4} textAnchor="end">
                  {format(v)}
                </text>
              </g>
            ))}
            {[...new Set(xTicks)].map((d) => (
              <text key={d} x={x(d)} y={HEIGHT - 8} textAnchor={d === days[0] ? 'start' : d === days[days.length - 1] ? 'end' : 'middle'}>
                {formatDay(d, i18n.language, true)}
              </text>
            ))}
            {reference && <line x1={M.left} x2={M.left + w} y1={y(reference.value)} y2={y(reference.value)} stroke="#1a1a2e" strokeWidth="2" strokeDasharray="3 3" />}
            {series.map((s, i) => {
              const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
              const d = s.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.day).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
              return (
                <g key={s.name}>
                  <path d={d} fill="none" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} />
                  {s.points.length === 1 && <circle cx={x(s.points[0]!.day)} cy={y(s.points[0]!.value)} r="3" fill={style.color} />}
                </g>
              );
            })}
          </svg>
        )}
      </div>
    </ChartFigure>
  );
}

/** 1, 2 or 5 times a power of ten, at least `v`: round axis ends. */
function niceCeiling(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((c) => c >= v)!;
}
