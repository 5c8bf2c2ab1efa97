// One result row (a question or grid item) as a table: the institution, the national figure and each group. A cell
// under the privacy rule shows "Niet getoond i.v.m. AVG" / "Not shown (privacy)" and no figure at all, not even n:
// exactly what the server sent, as the CLI prints it.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultCell, ResultGroup, ResultRow } from '../../../server/api/staff-reports.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import { columnsOf, groupName } from './columns.ts';

export function ResultTable({ row, groups }: { row: ResultRow; groups: ResultGroup[] }) {
  const { t, i18n } = useTranslation('staff');
  const lang = currentLanguage(i18n.language);
  const id = useId();
  const cols = columnsOf(row, t, lang);
  const cells: [string, string, ResultCell][] = [
    ...(row.institution ? ([['institution', t('results.institution'), row.institution]] as [string, string, ResultCell][]) : []),
    ...(row.national ? ([['national', t('results.national'), row.national]] as [string, string, ResultCell][]) : []),
    ...groups.map((g, i): [string, string, ResultCell] => [g.id, groupName(g, t, lang), row.groups[i]!]),
  ];
  const title = `${row.text[lang]}${row.itemText ? ` – ${row.itemText[lang]}` : ''}`;
  return (
    <section className="result" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        {title}
        {row.module && <span className="muted"> ({t('results.own')})</span>}
      </h3>
      <div className="table-wrap" role="region" aria-labelledby={`${id}-h`} tabIndex={0}>
        <table className="figures results">
          <thead>
            <tr>
              <th scope="col">{t('results.group')}</th>
              {cols.map((c, i) => (
                <th key={i} scope="col">
                  {c.head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cells.map(([key, name, cell]) => (
              <tr key={key} className={key === 'institution' || key === 'national' ? 'total' : undefined}>
                <th scope="row">{name}</th>
                {cell.suppressed ? (
                  <td colSpan={cols.length} className="suppressed">
                    {t('results.suppressed')}
                  </td>
                ) : (
                  cols.map((c, i) => <td key={i}>{c.value(cell)}</td>)
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
