// The frame of every chart: a caption, the drawing (one image to assistive technology, with a short description),
// a legend, and the same figures as a table behind a disclosure, for screen readers and keyboard users and for
// anyone who wants the exact numbers.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  title: string;
  /** What the drawing shows, in a sentence (its accessible name). */
  description: string;
  legend?: ReactNode;
  table: ReactNode;
  children: ReactNode;
}

export function ChartFigure({ id, title, description, legend, table, children }: Props) {
  const { t } = useTranslation('staff');
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      {legend && <div className="chart-legend">{legend}</div>}
      <div className="chart-drawing" role="img" aria-label={description}>
        {children}
      </div>
      <details className="chart-table">
        <summary>{t('charts.showTable')}</summary>
        {table}
      </details>
    </figure>
  );
}

/** A legend entry: a swatch (a filled square, a line with its dashes, or a marker) and its text. */
export function LegendItem({ color, dash, kind = 'box', children }: { color: string; dash?: string; kind?: 'box' | 'line' | 'marker'; children: ReactNode }) {
  return (
    <span className="legend-item">
      <svg width="28" height="14" aria-hidden="true" focusable="false">
        {kind === 'box' && <rect x="4" y="1" width="20" height="12" fill={color} />}
        {kind === 'line' && <line x1="1" y1="7" x2="27" y2="7" stroke={color} strokeWidth="3" strokeDasharray={dash} />}
        {kind === 'marker' && <rect x="12" y="0" width="3" height="14" fill={color} />}
      </svg>
      {children}
    </span>
  );
}

/** Colours with at least 3:1 contrast on white, told apart by dashes too (never by colour alone). */
export const SERIES_STYLES = [
  { color: '#1f3a93', dash: undefined },
  { color: '#a35200', dash: '7 4' },
  { color: '#1d6b35', dash: '2 3' },
  { color: '#7b2d8e', dash: '10 3 2 3' },
  { color: '#4a5163', dash: '4 2' },
  { color: '#b00020', dash: '1 5' },
] as const;
