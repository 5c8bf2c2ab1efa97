// A shared device: the unsent answers of a student who left are parked under their response when another
// student logs in, never mixed into the other's queue, and taken up again when they log in.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadQuestionnaires } from '../../questionnaire/index.ts';
import { MAX_PARKED, useSurveyStore } from '../../client/features/survey/stores/survey-store.ts';

/** The server's survey state, as the store takes it. */
type SurveyState = Parameters<ReturnType<typeof useSurveyStore.getState>['surveyLoaded']>[0];

const def = loadQuestionnaires().get('2024-3')!;
const state = (ref: string, currentPage: string | null = null): SurveyState => ({
  status: 'in_progress',
  ref,
  institution: { brin: '99DM', name: 'Demo ROC' },
  questionnaire: def,
  answers: {},
  currentPage,
  context: { leerweg: 'BOL', niveau: 4 },
});
const store = () => useSurveyStore.getState();

beforeEach(() => {
  store().surveyClosed();
  useSurveyStore.setState({ parked: {} });
});

describe('queues per response on one device', () => {
  it('parks the first student\'s unsent answers when a second logs in, and gives them back at the first one\'s login', () => {
    store().surveyLoaded(state('ref-a', 'lessen'));
    store().answerChanged('leerjaar', 'j2');
    store().stepChanged({ kind: 'page', pageId: 'docenten' });
    const queued = store().pending;
    store().sessionEnded(); // the tab closed, the next person's visit ended the session

    store().surveyLoaded(state('ref-b'));
    expect(store().pending).toEqual({});
    expect(store().answers).toEqual({});
    expect(store().events).toEqual([]);
    expect(store().step).toEqual({ kind: 'intro' });
    expect(Object.keys(store().parked)).toEqual(['ref-a']);
    store().answerChanged('leerjaar', 'j4');

    store().sessionEnded();
    store().surveyLoaded(state('ref-a', 'lessen'));
    expect(store().pending).toEqual(queued);
    expect(store().answers.leerjaar).toBe('j2');
    expect(store().step).toEqual({ kind: 'page', pageId: 'docenten' }); // moved there offline: newer than the server's
    expect(Object.keys(store().parked)).toEqual(['ref-b']);
    expect(store().parked['ref-b']!.pending.leerjaar!.value).toBe('j4');
  });

  it('parks nothing for a student who left nothing unsent', () => {
    store().surveyLoaded(state('ref-a'));
    store().sessionEnded();
    store().surveyLoaded(state('ref-b'));
    expect(store().parked).toEqual({});
  });

  it('keeps at most MAX_PARKED queues, the oldest going first', () => {
    for (let i = 0; i <= MAX_PARKED + 1; i++) {
      store().surveyLoaded(state(`ref-${i}`));
      store().answerChanged('leerjaar', 'j1');
      store().sessionEnded();
    }
    const parked = Object.keys(store().parked);
    expect(parked).toHaveLength(MAX_PARKED);
    expect(parked).not.toContain('ref-0');
    expect(parked.at(-1)).toBe(`ref-${MAX_PARKED}`);
  });

  it('forgets the queue of a completed response', () => {
    store().surveyLoaded(state('ref-a'));
    store().answerChanged('leerjaar', 'j1');
    store().surveyClosed();
    store().surveyLoaded(state('ref-b'));
    expect(store().parked).toEqual({});
  });
});
