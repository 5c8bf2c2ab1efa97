// Response figures as a table: one row per group (the label tree, or the institutions), with population, started,
// completed, response %, the required response, whether it is reached and the margin reached. In a scrollable
// region of its own on a phone: the page itself never scrolls sideways.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseFigures } from '../../../server/api/staff-reports.ts';
import { count, decimal, percent } from '../components/format.ts';

export interface FiguresRow {
  key: string;
  /** The row's header cell content (a name, or a link). */
  head: ReactNode;
  /** Indentation level (1 = none). */
  level?: number;
  figures: ResponseFigures;
  total?: boolean;
}

export function FiguresTable({ id, caption, rows }: { id: string; caption: string; rows: FiguresRow[] }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const margin = (f: ResponseFigures) => (f.margin !== null ? `± ${decimal(f.margin * 100, lang, 1)}` : f.marginNote ? t(`response.marginNote.${f.marginNote}`) : '–');
  return (
    <>
      <p className="table-title" aria-hidden="true">
        {caption}
      </p>
      <div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="figures">
          <caption id={`${id}-caption`} className="sr-only">
            {caption}
          </caption>
        <thead>
          <tr>
            <th scope="col">{t('response.group')}</th>
            <th scope="col">{t('response.population')}</th>
            <th scope="col">{t('response.started')}</th>
            <th scope="col">{t('response.completed')}</th>
            <th scope="col">{t('response.percent')}</th>
            <th scope="col">{t('response.required')}</th>
            <th scope="col">{t('response.reached')}</th>
            <th scope="col">{t('response.margin')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.total ? 'total' : undefined}>
              <th scope="row" style={{ paddingLeft: `${0.4 + ((r.level ?? 1) - 1) * 1.1}rem` }}>
                {r.head}
              </th>
              <td>{count(r.figures.population, lang)}</td>
              <td>{count(r.figures.started, lang)}</td>
              <td>{count(r.figures.completed, lang)}</td>
              <td>{percent(r.figures.responsePercent, lang)}</td>
              <td>{count(r.figures.required, lang)}</td>
              <td>{r.figures.population === 0 ? '–' : r.figures.reached ? t('response.yes') : t('response.no')}</td>
              <td>{margin(r.figures)}</td>
            </tr>
          ))}
        </tbody>
        </table>
      </div>
    </>
  );
}
