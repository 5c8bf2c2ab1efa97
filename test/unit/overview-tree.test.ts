// The response overview's pure parts: the label tree (a group for students without a label where their siblings
// have one, the bedrijfsgroep as a group or left out), and completions per day in the Netherlands across the clock change.
import { describe, expect, it } from 'vitest';
import { OverviewTreeBuilder, perDay } from '../../server/services/reporting/overview-tree.ts';

describe('the overview tree', () => {
  it('adds a "no label" group only where siblings have a label, so the parts add up', () => {
    const b = new OverviewTreeBuilder(true);
    b.add({ kind: 'labels', path: ['A', 'K1', null] }, { population: 10, completed: 4, started: 5 });
    b.add({ kind: 'labels', path: ['A', null, null] }, { population: 3 });
    b.add({ kind: 'labels', path: ['B', null, null] }, { population: 7, completed: 7, started: 7 });
    b.add({ kind: 'zonder_label' }, { population: 2, completed: 1, started: 1 });
    b.add({ kind: 'bedrijfsgroep', value: 'BBL-bedrijf' }, { population: 4 });
    const tree = b.build();
    expect(tree.map((n) => [n.kind, n.label, n.population, n.children.map((c) => [c.kind, c.label, c.population])])).toEqual([
      ['label', 'A', 13, [['label', 'K1', 10], ['no_label', null, 3]]],
      ['label', 'B', 7, []],
      ['zonder_label', null, 2, []],
      ['bedrijfsgroep', 'BBL-bedrijf', 4, []],
    ]);
    expect(b.totals()).toEqual({ population: 26, started: 13, completed: 12 });
    expect(tree[1]).toMatchObject({ responsePercent: 100, marginNote: 'census', margin: 0 });
  });

  it('leaves the bedrijfsgroep out of groups and totals when the institution says so', () => {
    const b = new OverviewTreeBuilder(false);
    b.add({ kind: 'labels', path: ['A'] }, { population: 5 });
    b.add({ kind: 'bedrijfsgroep', value: 'X' }, { population: 4, started: 1, completed: 1 });
    expect(b.build().map((n) => n.kind)).toEqual(['label']);
    expect(b.totals()).toEqual({ population: 5, started: 0, completed: 0 });
  });

  it('orders labels as a person does: Klas 2 before Klas 10', () => {
    const b = new OverviewTreeBuilder(true);
    for (const k of ['Klas 10', 'Klas 2', 'klas 3']) b.add({ kind: 'labels', path: [k] }, { population: 1 });
    expect(b.build().map((n) => n.label)).toEqual(['Klas 2', 'klas 3', 'Klas 10']);
  });
});

describe('completions per day', () => {
  it('counts hours in UTC to the day in the Netherlands, on both sides of the clock changes, and fills the days between', () => {
    const days = perDay(
      [
        { hour: '2024-03-30T22', completed: 1 }, // 23:00 CET, the 30th
        { hour: '2024-03-30T23', completed: 2 }, // 00:00 CET, the 31st
        { hour: '2024-03-31T22', completed: 4 }, // 00:00 CEST, 1 April
        { hour: '2024-04-03T09', completed: 1 },
      ],
      100,
    );
    expect(days.map((d) => [d.day, d.completed, d.cumulative, d.cumulativePercent])).toEqual([
      ['2024-03-30', 1, 1, 1],
      ['2024-03-31', 2, 3, 3],
      ['2024-04-01', 4, 7, 7],
      ['2024-04-02', 0, 7, 7],
      ['2024-04-03', 1, 8, 8],
    ]);
    expect(perDay([{ hour: '2024-10-26T22', completed: 1 }], 0)).toEqual([{ day: '2024-10-27', completed: 1, cumulative: 1, cumulativePercent: null }]);
  });
});
