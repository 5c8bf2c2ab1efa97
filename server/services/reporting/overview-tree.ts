// The response overview's figures from counts: per group the response and the required response, the label tree
// (response label 1 > 2 > 3, zonder label, bedrijfsgroep), and completions per day. Pure.
import type { DayPoint, OverviewNode, OverviewNodeKind, ResponseFigures } from '../../api/staff-reports.ts';
import { dayOf, isoWeekOfDay } from '../common/clock.ts';
import { assessResponse, type SamplingOptions } from './required-response.ts';

export interface Counts {
  population: number;
  started: number;
  completed: number;
}

export const zeroCounts = (): Counts => ({ population: 0, started: 0, completed: 0 });
const add = (into: Counts, c: Partial<Counts>) => {
  into.population += c.population ?? 0;
  into.started += c.started ?? 0;
  into.completed += c.completed ?? 0;
};

export function responseFigures(c: Counts, sampling: SamplingOptions = {}): ResponseFigures {
  const a = assessResponse(c.population, c.completed, sampling);
  return {
    population: c.population,
    started: c.started,
    completed: c.completed,
    responsePercent: c.population ? (100 * c.completed) / c.population : null,
    required: a.required,
    reached: a.reached,
    margin: a.margin,
    marginNote: a.note,
  };
}

/** Where a student or response belongs in the overview: their response labels, or outside the label tree. */
export type Placement =
  | { kind: 'labels'; path: readonly (string | null)[] }
  | { kind: 'zonder_label' }
  | { kind: 'bedrijfsgroep'; value: string };

interface TreeNode {
  counts: Counts;
  children: Map<string, TreeNode>;
}
const newNode = (): TreeNode => ({ counts: zeroCounts(), children: new Map() });

/** Collects counts by placement, then builds the tree of the overview. */
export class OverviewTreeBuilder {
  private readonly labels = newNode();
  private readonly zonder = zeroCounts();
  private readonly bedrijfsgroep = new Map<string, Counts>();

  constructor(private readonly bedrijfsgroepInRespons: boolean) {}

  add(place: Placement, counts: Partial<Counts>): void {
    if (place.kind === 'zonder_label') return add(this.zonder, counts);
    if (place.kind === 'bedrijfsgroep') {
      if (!this.bedrijfsgroepInRespons) return;
      let c = this.bedrijfsgroep.get(place.value);
      if (!c) this.bedrijfsgroep.set(place.value, (c = zeroCounts()));
      return add(c, counts);
    }
    // A path stops at its first empty level: a label 2 without a label 1 has no place in the tree.
    let node = this.labels;
    add(node.counts, counts);
    for (const label of place.path) {
      if (label === null) break;
      let child = node.children.get(label);
      if (!child) node.children.set(label, (child = newNode()));
      add(child.counts, counts);
      node = child;
    }
  }

  /** The institution's totals: everything in the overview (bedrijfsgroep only when it counts here). */
  totals(): Counts {
    const t = zeroCounts();
    add(t, this.labels.counts);
    add(t, this.zonder);
    for (const c of this.bedrijfsgroep.values()) add(t, c);
    return t;
  }

  build(sampling: SamplingOptions = {}): OverviewNode[] {
    const node = (kind: OverviewNodeKind, label: string | null, level: number, counts: Counts, children: OverviewNode[] = []): OverviewNode => ({
      kind,
      label,
      level,
      ...responseFigures(counts, sampling),
      children,
    });
    const labelled = (n: TreeNode, level: number): OverviewNode[] => {
      if (n.children.size === 0) return [];
      const kids = [...n.children.entries()]
        .sort(([a], [b]) => byLabel(a, b))
        .map(([label, child]) => node('label', label, level, child.counts, labelled(child, level + 1)));
      // Students with a label at this level's parent but none here: a group of their own, so the parts add up.
      const rest = zeroCounts();
      add(rest, n.counts);
      for (const child of n.children.values()) add(rest, { population: -child.counts.population, started: -child.counts.started, completed: -child.counts.completed });
      if (rest.population || rest.started || rest.completed) kids.push(node('no_label', null, level, rest));
      return kids;
    };
    const top = this.labels.children.size ? labelled(this.labels, 1) : isEmpty(this.labels.counts) ? [] : [node('no_label', null, 1, this.labels.counts)];
    const bedrijfsgroep = [...this.bedrijfsgroep.entries()].sort(([a], [b]) => byLabel(a, b)).map(([value, c]) => node('bedrijfsgroep', value, 1, c));
    return [...top, ...(isEmpty(this.zonder) ? [] : [node('zonder_label', null, 1, this.zonder)]), ...bedrijfsgroep];
  }
}

const isEmpty = (c: Counts) => c.population === 0 && c.started === 0 && c.completed === 0;
const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });
/** Labels in the order a person expects: "Klas 2A" before "Klas 10A". */
export const byLabel = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

const dayOfHour = new Map<string, string>();
/** The day in the Netherlands of an hour 'YYYY-MM-DDTHH' in UTC (the zone changes on whole hours, so an hour has one day). */
export function amsterdamDayOfHour(hour: string): string {
  let day = dayOfHour.get(hour);
  if (!day) dayOfHour.set(hour, (day = dayOf(new Date(`${hour}:00:00Z`))));
  return day;
}

/** The fieldwork week (ISO week in the Netherlands) of an ISO moment in UTC, worked out once per hour. */
export const fieldworkWeek = (iso: string): string => isoWeekOfDay(amsterdamDayOfHour(iso.slice(0, 13)));

/** Completions per day from completions per UTC hour, every day from the first to the last, with the cumulative share of `population`. */
export function perDay(hours: Iterable<{ hour: string; completed: number }>, population: number): DayPoint[] {
  const byDay = new Map<string, number>();
  for (const h of hours) {
    const day = amsterdamDayOfHour(h.hour);
    byDay.set(day, (byDay.get(day) ?? 0) + h.completed);
  }
  const days = [...byDay.keys()].sort();
  if (!days.length) return [];
  const out: DayPoint[] = [];
  let cumulative = 0;
  for (let d = days[0]!; d <= days[days.length - 1]!; d = nextDay(d)) {
    const completed = byDay.get(d) ?? 0;
    cumulative += completed;
    out.push({ day: d, completed, cumulative, cumulativePercent: population ? (100 * cumulative) / population : null });
  }
  return out;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
