// The columns of a result row's table, as the CLI and the CSV print them (server/services/reporting/results-output.ts):
// n, the % per category, the bands (grids), the mean (grids, grades, numbers), the median (numbers), the opt-outs.
import type { TFunction } from 'i18next';
import type { ResultCell, ResultGroup, ResultRow } from '../../../server/api/staff-reports.ts';
import type { Language } from '../../lib/i18n.ts';
import { decimal, percent } from '../components/format.ts';

type Figures = Extract<ResultCell, { suppressed: false }>;

export interface Column {
  head: string;
  value: (c: Figures) => string;
}

export function columnsOf(row: ResultRow, t: TFunction<'staff'>, lang: Language): Column[] {
  const cols: Column[] = [{ head: 'n', value: (c) => decimal(c.n, lang, 0) }];
  if (row.type !== 'number') {
    row.categories.forEach((cat, i) => cols.push({ head: `% ${cat.text[lang]}`, value: (c) => percent(c.distribution[i]?.percent ?? null, lang) }));
  }
  if (row.type === 'grid') {
    (['negative', 'neutral', 'positive'] as const).forEach((b) => cols.push({ head: t(`results.bands.${b}`), value: (c) => percent(c.bands ? c.bands[b] : null, lang) }));
  }
  if (row.type === 'grid' || row.type === 'grade' || row.type === 'number') cols.push({ head: t('results.mean'), value: (c) => decimal(c.mean, lang, 2) });
  if (row.type === 'number') cols.push({ head: t('results.median'), value: (c) => decimal(c.median, lang, 2) });
  for (const o of row.optOuts) cols.push({ head: o.text[lang], value: (c) => decimal(c.optOuts[o.code] ?? 0, lang, 0) });
  return cols;
}

/** A group's name as the CLI prints it: the analysis-label path, a leerjaar's text, or the value itself. */
export function groupName(g: ResultGroup, t: TFunction<'staff'>, lang: Language): string {
  if (g.path) return g.path.map((p, i) => p ?? (i === 0 ? t('results.zonderLabel') : '–')).join(' › ');
  if (g.text) return g.text[lang];
  return g.label ?? t('results.unknown');
}
