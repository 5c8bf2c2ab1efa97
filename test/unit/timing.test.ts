// The timing derivation the cleaning rules read: active time only while a page is visible, per page,
// across reloads and tabs, with the browser clock corrected by the server's receipt time.
import { describe, expect, it } from 'vitest';
import { clockOffsetMs, countQuestions, deriveTiming } from '../../server/services/survey/timing.ts';
import { parseQuestionnaire } from '../../questionnaire/schema.ts';
import type { TimingEventRow } from '../../server/db/timing.ts';

const T0 = Date.parse('2024-01-20T10:00:00.000Z');
type Ev = Pick<TimingEventRow, 'eventId' | 'type' | 'target' | 'clientAt' | 'offsetMs'>;
/** An event of tab `tab`, number n, at T0 + s seconds on the browser's clock. */
function ev(tab: string, n: number, s: number, type: TimingEventRow['type'], target: string | null = null, offsetMs = 0): Ev {
  return { eventId: `${tab}:${n}`, type, target, clientAt: new Date(T0 + s * 1000).toISOString(), offsetMs };
}

describe('deriveTiming', () => {
  it('counts a page from shown to left', () => {
    const d = deriveTiming([ev('a', 1, 0, 'page_shown', '#intro'), ev('a', 2, 10, 'page_left', '#intro'), ev('a', 3, 10, 'page_shown', 'p1'), ev('a', 4, 70, 'page_left', 'p1')]);
    expect(d.pageSeconds).toEqual({ '#intro': 10, p1: 60 });
    expect(d.activeSeconds).toBe(70);
    expect(d.pageFirstShownAt.p1).toBe('2024-01-20T10:00:10.000Z');
  });

  it('does not count the time a page was hidden', () => {
    const d = deriveTiming([
      ev('a', 1, 0, 'page_shown', 'p1'),
      ev('a', 2, 20, 'hidden'),
      ev('a', 3, 620, 'visible'), // ten minutes with a locked phone
      ev('a', 4, 650, 'page_left', 'p1'),
    ]);
    expect(d.pageSeconds).toEqual({ p1: 50 });
    expect(d.activeSeconds).toBe(50);
  });

  it('ends an open page at the tab\'s last event, and orders by the tab\'s own counter', () => {
    const d = deriveTiming([ev('a', 3, 40, 'answer', 'q1'), ev('a', 1, 0, 'page_shown', 'p1'), ev('a', 2, 30, 'answer', 'q1')]);
    expect(d.pageSeconds).toEqual({ p1: 40 });
    expect(d.lastChangeAt).toEqual({ q1: '2024-01-20T10:00:40.000Z' });
  });

  it('counts overlapping time in two tabs once', () => {
    const d = deriveTiming([
      ev('a', 1, 0, 'page_shown', 'p1'),
      ev('a', 2, 60, 'page_left', 'p1'),
      ev('b', 1, 30, 'page_shown', 'p1'),
      ev('b', 2, 90, 'page_left', 'p1'),
    ]);
    expect(d.pageSeconds).toEqual({ p1: 90 });
    expect(d.activeSeconds).toBe(90);
  });

  it('corrects a browser clock that is off by the offset measured per request', () => {
    // The browser's clock runs an hour behind: every event carries offset +3600 s.
    const hour = 3_600_000;
    const d = deriveTiming([ev('a', 1, 0, 'page_shown', 'p1', hour), ev('a', 2, 5, 'answer', 'q1', hour), ev('a', 3, 45, 'page_left', 'p1', hour)]);
    expect(d.pageFirstShownAt.p1).toBe('2024-01-20T11:00:00.000Z');
    expect(d.lastChangeAt.q1).toBe('2024-01-20T11:00:05.000Z');
    expect(d.pageSeconds.p1).toBe(45);
  });

  it('survives a clock changed between two sends: the offsets keep the durations right', () => {
    // At 20 s the student's clock jumps 1000 s ahead; the offset of later requests shrinks by as much.
    const d = deriveTiming([ev('a', 1, 0, 'page_shown', 'p1', 0), ev('a', 2, 1030, 'page_left', 'p1', -1_000_000)]);
    expect(d.pageSeconds.p1).toBe(30);
  });

  it('ignores malformed ids and yields zero for no events', () => {
    expect(deriveTiming([{ eventId: 'nocolon', type: 'page_shown', target: 'p1', clientAt: '2024-01-20T10:00:00Z', offsetMs: 0 }]).activeSeconds).toBe(0);
    expect(deriveTiming([])).toEqual({ activeSeconds: 0, pageSeconds: {}, pageFirstShownAt: {}, lastChangeAt: {} });
  });
});

describe('clockOffsetMs', () => {
  it('is the server receipt time minus the browser send time', () => {
    expect(clockOffsetMs('2024-01-20T09:59:58.000Z', new Date('2024-01-20T10:00:00.000Z'))).toBe(2000);
    expect(clockOffsetMs(undefined, new Date())).toBe(0);
  });
});

describe('countQuestions', () => {
  const r = parseQuestionnaire({
    id: '2099-1',
    title: { nl: 'T', en: 'T' },
    pages: [
      {
        id: 'p1',
        title: { nl: 'P', en: 'P' },
        questions: [
          { id: 'a', type: 'single', text: { nl: 'A', en: 'A' }, options: [{ code: 'y', text: { nl: 'ja', en: 'yes' } }, { code: 'n', text: { nl: 'nee', en: 'no' } }] },
          { id: 'b', type: 'open', maxLength: 500, text: { nl: 'B', en: 'B' }, showIf: { question: 'a', in: ['y'] } },
          { id: 'c', type: 'open', maxLength: 500, text: { nl: 'C', en: 'C' }, showIf: { context: 'leerweg', in: ['BBL'] } },
        ],
      },
    ],
  });
  if (!r.ok) throw new Error(r.errors.join('\n'));

  it('counts only the questions routing shows, and which of them are answered', () => {
    expect(countQuestions(r.value, {}, { leerweg: 'BOL', niveau: 4 })).toEqual({ questionsShown: 1, questionsAnswered: 0 });
    expect(countQuestions(r.value, { a: 'y' }, { leerweg: 'BOL', niveau: 4 })).toEqual({ questionsShown: 2, questionsAnswered: 1 });
    expect(countQuestions(r.value, { a: 'n', c: 'x' }, { leerweg: 'BBL', niveau: 4 })).toEqual({ questionsShown: 2, questionsAnswered: 2 });
  });
});
