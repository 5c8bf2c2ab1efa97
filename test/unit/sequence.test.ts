// The sequence-number rules of autosave: numbers always grow on a device, the later change wins across
// devices, an acknowledgement only clears the exact version it acknowledges, and the server keeps the
// highest seq per question whatever order the saves arrive in.
import { afterEach, describe, expect, it } from 'vitest';
import { mergeAnswers, nextSeq, withoutAcknowledged, type PendingAnswer } from '../../client/features/survey/stores/survey-store.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const p = (value: PendingAnswer['value'], seq: number): PendingAnswer => ({ value, seq, changedAt: '2024-01-20T10:00:00.000Z' });

describe('nextSeq', () => {
  it('follows the clock in microseconds', () => {
    expect(nextSeq(0, 1_700_000_000_000)).toBe(1_700_000_000_000_000);
  });

  it('still grows when two changes fall in the same millisecond or the clock is set back', () => {
    const a = nextSeq(0, 1_700_000_000_000);
    const b = nextSeq(a, 1_700_000_000_000);
    const c = nextSeq(b, 1_600_000_000_000);
    expect(b).toBe(a + 1);
    expect(c).toBe(b + 1);
  });

  it('makes a change made later on another device win', () => {
    const phone = nextSeq(0, 1_700_000_000_000);
    const laptop = nextSeq(0, 1_700_000_000_500);
    expect(laptop).toBeGreaterThan(phone);
  });

  it('stays a safe integer for centuries', () => {
    expect(Number.isSafeInteger(nextSeq(0, Date.UTC(2200, 0, 1)))).toBe(true);
  });
});

describe('mergeAnswers', () => {
  it('keeps unsent local answers that are newer than the server, and server answers that are newer', () => {
    const merged = mergeAnswers(
      { a: { value: 1, seq: 10 }, b: { value: 2, seq: 30 }, c: { value: 3, seq: 5 } },
      { a: p(4, 20), b: p(5, 25), d: p('x', 1) },
    );
    expect(merged).toEqual({ a: 4, b: 2, c: 3, d: 'x' });
  });

  it('keeps a cleared answer (null) as cleared', () => {
    expect(mergeAnswers({ a: { value: 1, seq: 1 } }, { a: p(null, 2) })).toEqual({ a: null });
  });
});

describe('withoutAcknowledged', () => {
  it('clears an acknowledged answer but keeps one changed again while the save was under way', () => {
    const pending = { a: p(1, 10), b: p(2, 12) };
    expect(withoutAcknowledged(pending, [{ questionId: 'a', seq: 10 }, { questionId: 'b', seq: 11 }])).toEqual({ b: p(2, 12) });
  });

  it('does not change the queue it was given', () => {
    const pending = { a: p(1, 10) };
    withoutAcknowledged(pending, [{ questionId: 'a', seq: 10 }]);
    expect(pending).toEqual({ a: p(1, 10) });
  });
});

describe('the server keeps the highest seq per question', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  it('ignores an older save that arrives late, and a repeated save changes nothing', () => {
    t = createTestApp();
    t.db.prepare("INSERT INTO institutions (brin, name) VALUES ('25PZ', 'ROC Testland')").run();
    const id = t.repos.responses.create({
      brin: '25PZ', pgnKey: Buffer.alloc(32, 1), questionnaireVersion: '2024-1', crebo: '25655', leerweg: 'BOL', niveau: 4,
      geslacht: null, labelFileId: null, labels: null, now: '2024-01-20T10:00:00Z',
    });
    const save = (value: unknown, seq: number) => t!.repos.responses.saveAnswers(id, [{ questionId: 'leerjaar', value, seq, changedAt: null }], '2024-01-20T10:01:00Z');
    expect(save('j2', 200)).toBe(1);
    expect(save('j1', 100)).toBe(0); // out of order: older
    expect(save('j2', 200)).toBe(0); // retried: same
    expect(t.repos.responses.answers(id)).toEqual([{ questionId: 'leerjaar', value: 'j2', seq: 200 }]);
    expect(save('j3', 300)).toBe(1);
    expect(t.repos.responses.answers(id)).toEqual([{ questionId: 'leerjaar', value: 'j3', seq: 300 }]);
  });
});
