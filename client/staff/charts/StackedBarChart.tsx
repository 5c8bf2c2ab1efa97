// Vertical bars per day, stacked by category (login problems by reason), drawn at the width they are shown.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure, LegendItem, SERIES_STYLES } from './ChartFigure.tsx';
import { useWidth } from './use-width.ts';
import { day as formatDay } from '../components/format.ts';

export interface Stack {
  day: string;
  values: number[];
}

const HEIGHT = 200;
const M = { top: 12, right: 8, bottom: 28, left: 36 };

interface Props {
  id: string;
  title: string;
  description: string;
  /** The name of each category, in the order of `values`. */
  categories: string[];
  stacks: Stack[];
  table: ReactNode;
}

export default function StackedBarChart({ id, title, description, categories, stacks, table }: Props) {
  const { t, i18n } = useTranslation('staff');
  const [ref, width] = useWidth<HTMLDivElement>();
  const totals = stacks.map((s) => s.values.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const yMax = max <= 5 ? 5 : Math.ceil(max / 4) * 4;
  const w = Math.max(width - M.left - M.right, 10);
  const h = HEIGHT - M.top - M.bottom;
  const slot = w / Math.max(stacks.length, 1);
  const barWidth = Math.max(2, Math.min(28, slot * 0.7));
  const y = (v: number) => M.top + h - (v / yMax) * h;
  const labelEvery = Math.max(1, Math.ceil(stacks.length / Math.max(1, Math.floor(w / 70))));
  const style = (i: number) => SERIES_STYLES[i % SERIES_STYLES.length]!;

  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      table={table}
      legend={categories.map((c, i) => (
        <LegendItem key={c} color={style(i).color}>
          {c}
        </LegendItem>
      ))}
    >
      <div ref={ref} className="chart-canvas">
        {width > 0 && stacks.length === 0 && <p className="muted">{t('charts.noData')}</p>}
        {width > 0 && stacks.length > 0 && (
          <svg width={width} height={HEIGHT} aria-hidden="true" focusable="false" className="chart-svg">
            {[0, 0.5, 1].map((f) => (
              <g key={f}>
                <line x1={M.left} x2={M.left + w} y1={y(f * yMax)} y2={y(f * yMax)} stroke="#d5d8e2" />
                <text x={M.left - 6} y={y(f * yMax) + 4} textAnchor="end">
                  {f * yMax}
                </text>
              </g>
            ))}
            {stacks.map((s, k) => {
              const cx = M.left + slot * k + slot / 2;
              let base = 0;
              return (
                <g key={s.day}>
                  {s.values.map((v, i) => {
                    const from = base;
                    base += v;
                    return v > 0 ? <rect key={i} x={cx - barWidth / 2} width={barWidth} y={y(base)} height={y(from) - y(base)} fill={style(i).color} stroke="#fff" strokeWidth="0.5" /> : null;
                  })}
                  {k % labelEvery === 0 && (
                    <text x={cx} y={HEIGHT - 8} textAnchor={k === 0 ? 'start' : 'middle'}>
                      {formatDay(s.day, i18n.language, true)}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        )}
      </div>
    </ChartFigure>
  );
}
