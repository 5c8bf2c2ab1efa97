// The benchmark harness's pure parts: a row's verdict, the table, percentiles and windows of the wave, the
// classes a wave is built from, and the answers a virtual student gives (the server must accept every one).
import { describe, expect, it } from 'vitest';
import { row } from '../../bench/suite/types.ts';
import { formatTable } from '../../bench/suite/table.ts';
import { BENCHMARKS } from '../../bench/suite/registry.ts';
import { bestWindow, percentile } from '../../bench/wave-stats.ts';
import { buildClasses, mistype } from '../../bench/wave-classes.ts';
import { changesFor } from '../../bench/wave-answers.ts';
import { rng } from '../../server/demo/demo-data.ts';
import { CURRENT_VERSION, checkAnswer, loadQuestionnaires } from '../../questionnaire/index.ts';

describe('suite rows', () => {
  it('judges a figure against its target, and a figure without a target not at all', () => {
    expect(row('ratio', 0.61, 'x', { op: '>=', value: 0.6 }).pass).toBe(true);
    expect(row('ratio', 0.59, 'x', { op: '>=', value: 0.6 }).pass).toBe(false);
    expect(row('p99', 50, 'ms', { op: '<', value: 50 }).pass).toBe(false);
    expect(row('rate', 1200, 'saves/s').pass).toBeNull();
  });

  it('fails a figure that was never measured', () => {
    expect(row('ratio', NaN, 'x', { op: '<=', value: 1 }).pass).toBe(false);
  });

  it('prints every row with its target and verdict', () => {
    const table = formatTable([
      { benchmark: 'a', ...row('login p99', 12.5, 'ms', { op: '<', value: 50 }) },
      { benchmark: 'a', ...row('errors', 3, 'count', { op: '<=', value: 0 }) },
      { benchmark: 'b', ...row('saves', 1234, 'saves/s', null, 'best minute') },
    ]);
    expect(table).toMatch(/login p99\s+12\.5 ms\s+< 50 ms\s+PASS/);
    expect(table).toMatch(/errors\s+3\s+<= 0\s+FAIL/);
    expect(table).toMatch(/saves\s+1,234 saves\/s\s+-\s+best minute/);
  });

  it('registers each benchmark once, under an id --only can name', () => {
    const ids = BENCHMARKS.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(ids).toEqual(expect.arrayContaining(['login', 'save', 'import', 'labels', 'bundle', 'wave']));
  });
});

describe('wave statistics', () => {
  it('takes percentiles by rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('finds the best window of seconds', () => {
    expect(bestWindow([1, 1, 10, 10, 1], 2)).toBe(10);
    expect(bestWindow([4, 2], 60)).toBe(3);
    expect(bestWindow([], 60)).toBe(0);
  });
});

describe('wave classes', () => {
  const { classes, spare } = buildClasses(6000, 130, 30, 0.2, rng(1), 10);

  it('makes classes of one school, the last one smaller, and spares apart', () => {
    expect(classes.map((c) => c.length)).toEqual([30, 30, 30, 30, 10]);
    for (const c of classes) expect(new Set(c.map((s) => s.login.brin)).size).toBe(1);
    const logins = new Set([...classes.flat(), ...spare].map((s) => JSON.stringify(s.login)));
    expect(logins.size).toBe(140);
  });

  it('lets some students mistype, always into a different login', () => {
    const mistyped = classes.flat().filter((s) => s.mistyped);
    expect(mistyped.length).toBeGreaterThan(10);
    expect(mistyped.length).toBeLessThan(50);
    for (const s of mistyped) expect(s.mistyped).not.toEqual(s.login);
    const r = rng(3);
    for (let i = 0; i < 50; i++) expect(mistype({ brin: '25PZ', surname: 'de Vries', birthDate: '01-02-2005' }, r)).not.toEqual({ brin: '25PZ', surname: 'de Vries', birthDate: '01-02-2005' });
  });
});

describe('wave answers', () => {
  it('gives only answers the server accepts, for every question of the current questionnaire', () => {
    const def = loadQuestionnaires().get(CURRENT_VERSION)!;
    const rand = rng(7);
    let changes = 0;
    for (let round = 0; round < 20; round++) {
      for (const q of def.pages.flatMap((p) => p.questions)) {
        for (const c of changesFor(q, rand)) {
          expect(checkAnswer(def, q.id, c.value)).toMatchObject({ ok: true });
          expect(c.pause).toBeGreaterThan(0);
          changes++;
        }
      }
    }
    expect(changes).toBeGreaterThan(20 * 80);
  });
});
