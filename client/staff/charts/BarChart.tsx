// Horizontal bars of a percentage per group (response % per label group or institution) with a marker at a
// second percentage (the required response). Labels are HTML text above each bar, so they wrap and stay readable
// at any width; each bar is a small SVG in percentage units.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure, LegendItem } from './ChartFigure.tsx';

export interface Bar {
  key: string;
  label: string;
  /** 0-100, or null when there is nothing to draw (no population). */
  value: number | null;
  marker: number | null;
  /** Whether the value reaches the marker: drawn in a second colour, and said in `text`. */
  reached: boolean;
  /** The figures as text beside the label ("48,8%, nodig 16,2%"): the chart is readable without colour. */
  text: string;
}

const REACHED = '#1f3a93';
const SHORT = '#a35200';
const MARKER = '#1a1a2e';

export default function BarChart({ id, title, description, bars, table }: { id: string; title: string; description: string; bars: Bar[]; table: ReactNode }) {
  const { t } = useTranslation('staff');
  const max = Math.max(100, ...bars.map((b) => Math.max(b.value ?? 0, b.marker ?? 0)));
  const x = (p: number) => (p / max) * 100;
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      table={table}
      legend={
        <>
          <LegendItem color={REACHED}>{t('charts.reached')}</LegendItem>
          <LegendItem color={SHORT}>{t('charts.notReached')}</LegendItem>
          <LegendItem color={MARKER} kind="marker">
            {t('charts.required')}
          </LegendItem>
        </>
      }
    >
      <ol className="bars">
        {bars.map((b) => (
          <li key={b.key}>
            <span className="bar-label">
              {b.label} <span className="muted">{b.text}</span>
            </span>
            <svg className="bar-svg" viewBox="0 0 100 16" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect x="0" y="3" width="100" height="10" fill="#e4e9fb" />
              {b.value !== null && <rect x="0" y="3" width={x(b.value)} height="10" fill={b.reached ? REACHED : SHORT} />}
              {b.marker !== null && <line x1={x(b.marker)} x2={x(b.marker)} y1="0" y2="16" stroke={MARKER} strokeWidth="3" vectorEffect="non-scaling-stroke" />}
            </svg>
          </li>
        ))}
      </ol>
    </ChartFigure>
  );
}
