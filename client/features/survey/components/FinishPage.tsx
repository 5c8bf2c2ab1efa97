// The last screen: which applicable questions and grid rows are still open, each with a link that takes the student
// to it, then submit. Submitting waits until every pending answer is acknowledged; a repeated submit is harmless.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import type { Page, Question } from '../../../../questionnaire/schema.ts';
import { openItems } from '../../../../questionnaire/progress.ts';
import { ApiError, NetworkError } from '../../../lib/api.ts';
import { useText } from '../../../lib/text.ts';
import { useAppStore } from '../../../app/app-store.ts';
import { useSurveyStore, type Step } from '../stores/survey-store.ts';
import { flush } from '../stores/sync.ts';
import { submitSurvey } from '../api/survey.ts';
import { goTo } from '../navigation.ts';

/** Waits before each retry of a failed submit; -1 marks the last attempt. */
const SUBMIT_RETRY_MS = [1000, 3000, -1];

export function FinishPage({ pages, previous }: { pages: { page: Page; questions: Question[] }[]; previous: Step }) {
  const { t } = useTranslation();
  const text = useText();
  const answers = useSurveyStore((s) => s.answers);
  const [state, setState] = useState<'idle' | 'busy' | 'pending' | 'error'>('idle');
  const open = pages
    .map((p) => ({
      page: p.page,
      questions: p.questions.map((q) => ({ q, items: openItems(q, answers[q.id]) })).filter((x) => x.items.length > 0),
    }))
    .filter((p) => p.questions.length > 0);
  const openCount = open.reduce((n, p) => n + p.questions.reduce((m, x) => m + x.items.length, 0), 0);

  async function submit() {
    setState('busy');
    await flush();
    if (Object.keys(useSurveyStore.getState().pending).length > 0) {
      setState('pending');
      return;
    }
    // A submit that fails on the network is retried a few times; one whose answer was lost on the way
    // already counted: the server then says already_completed, and that is success. Never doubled.
    for (const wait of SUBMIT_RETRY_MS) {
      try {
        const { completedAt } = await submitSurvey(i18next.language);
        return done(completedAt);
      } catch (err) {
        if (err instanceof ApiError && err.is('already_completed')) return done(err.details?.completedAt ?? new Date().toISOString());
        const transient = err instanceof NetworkError || (err instanceof ApiError && err.status >= 500);
        if (!transient || wait < 0) break;
        await new Promise((ok) => setTimeout(ok, wait));
      }
    }
    setState('error');
  }
  function done(completedAt: string) {
    useSurveyStore.getState().surveyClosed();
    useAppStore.getState().completed(completedAt, true);
  }

  return (
    <section className="card">
      <h1 tabIndex={-1}>{t('survey.finishHeading')}</h1>
      <p>{t('survey.finishText')}</p>
      {openCount === 0 ? (
        <p>{t('survey.allAnswered')}</p>
      ) : (
        <>
          <p>{t('survey.openQuestions', { count: openCount })}</p>
          <ul className="open-list">
            {open.map(({ page, questions }) => (
              <li key={page.id}>
                <button type="button" className="link open-page" onClick={() => goTo({ kind: 'page', pageId: page.id })}>
                  {t('survey.goTo', { page: text(page.title) })}
                </button>
                <ul>
                  {questions.map(({ q, items }) => {
                    const to = (target: string) => () => goTo({ kind: 'page', pageId: page.id }, target);
                    // A grid with some rows answered lists the open rows; a question left whole is one link.
                    if (q.type !== 'grid' || items.length === q.items.length) {
                      return (
                        <li key={q.id}>
                          <button type="button" className="link" onClick={to(`q-${q.id}`)}>
                            {text(q.text)}
                          </button>
                          {q.type === 'grid' && <span className="muted"> {t('survey.openRows', { count: items.length })}</span>}
                        </li>
                      );
                    }
                    return (
                      <li key={q.id}>
                        <span>{text(q.text)}</span>
                        <ul>
                          {items.map((item) => (
                            <li key={item.id}>
                              <button type="button" className="link" onClick={to(`q-${q.id}-${item.id}`)}>
                                {text(item.text)}
                              </button>
                            </li>
                          ))}
                        </ul>
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {state === 'pending' && <p className="notice" role="alert">{t('survey.submitPending')}</p>}
      {state === 'error' && <p className="notice" role="alert">{t('survey.submitError')}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={() => goTo(previous)}>
          {t('survey.previous')}
        </button>
        <button type="button" className="button primary" disabled={state === 'busy'} onClick={() => void submit()}>
          {state === 'busy' ? t('survey.submitting') : t('survey.submit')}
        </button>
      </div>
    </section>
  );
}
