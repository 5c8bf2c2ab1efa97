// The response overview's label tree as rows: depth first, each with its path (for the label a screen reader
// hears and the bar chart shows) and its display name.
import type { TFunction } from 'i18next';
import type { OverviewNode, ResponseFigures } from '../../../server/api/staff-reports.ts';

export interface TreeRow {
  key: string;
  level: number;
  name: string;
  /** The names above this row, top first. */
  path: string[];
  kind: OverviewNode['kind'] | 'total';
  figures: ResponseFigures;
}

export function nodeName(n: OverviewNode, t: TFunction<'staff'>): string {
  if (n.kind === 'zonder_label') return t('response.zonderLabel');
  if (n.kind === 'no_label') return t('response.noLabel');
  if (n.kind === 'bedrijfsgroep') return t('response.bedrijfsgroep', { name: n.label ?? '' });
  return n.label ?? '';
}

export function flattenTree(nodes: OverviewNode[], t: TFunction<'staff'>, path: string[] = [], prefix = ''): TreeRow[] {
  return nodes.flatMap((n, i) => {
    const name = nodeName(n, t);
    const key = `${prefix}${i}`;
    return [{ key, level: n.level, name, path, kind: n.kind, figures: n }, ...flattenTree(n.children, t, [...path, name], `${key}.`)];
  });
}

/** The required response as a percentage of the group (the marker in the bar chart); null without a population. */
export const requiredPercent = (f: ResponseFigures): number | null => (f.population > 0 ? Math.min(100, (f.required / f.population) * 100) : null);
