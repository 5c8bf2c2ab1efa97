// One theme page: a react-hook-form form whose resolver is derived from the questionnaire. Every valid
// change goes to the store (and from there to the server); routing follows the answers live. An answer
// the form refuses keeps the student on the page, with focus on the first one.
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { buildPageSchema, checkAnswer, type AnswerValue, type Answers } from '../../../../questionnaire/answers.ts';
import type { Question, Questionnaire } from '../../../../questionnaire/schema.ts';
import { useText } from '../../../lib/text.ts';
import { useSurveyStore, type Step } from '../stores/survey-store.ts';
import { scheduleFlush } from '../stores/sync.ts';
import { focusQuestion, goTo } from '../navigation.ts';
import { componentFor } from './questions/registry.ts';
import { SaveStatus } from './SaveStatus.tsx';

interface Props {
  questionnaire: Questionnaire;
  pageId: string;
  questions: Question[];
  title: string;
  previous: Step;
  next: Step;
}

export function QuestionPage({ questionnaire, pageId, questions, title, previous, next }: Props) {
  const { t } = useTranslation();
  const text = useText();
  const answerChanged = useSurveyStore((s) => s.answerChanged);
  const resolver = useMemo(() => zodResolver(buildPageSchema(questionnaire, pageId)), [questionnaire, pageId]);
  const page = questionnaire.pages.find((p) => p.id === pageId)!;
  const initial = useMemo(() => {
    const all = useSurveyStore.getState().answers;
    return Object.fromEntries(page.questions.map((q) => [q.id, all[q.id] ?? undefined])) as Answers;
  }, [page]);
  // Checked when the student moves on, then again as they correct it: an error appearing as the field loses
  // focus would move "Volgende" from under the finger that is pressing it.
  const { control, handleSubmit } = useForm<Answers>({ resolver, defaultValues: initial, mode: 'onSubmit', reValidateMode: 'onChange' });

  const onValue = (q: Question, v: AnswerValue | null, setField: (v: AnswerValue | null) => void) => {
    setField(v);
    // Only answers the server will accept are queued; the form shows what is wrong with the rest.
    if (checkAnswer(questionnaire, q.id, v).ok) {
      answerChanged(q.id, v);
      scheduleFlush();
    }
  };

  const focusFirstError = (errors: Partial<Record<string, unknown>>) => {
    const first = questions.find((q) => errors[q.id]);
    const el = first && document.getElementById(`q-${first.id}`);
    if (el) focusQuestion(el);
  };

  return (
    <form className="card" noValidate onSubmit={handleSubmit(() => goTo(next), focusFirstError)}>
      <h1 tabIndex={-1}>{title}</h1>
      {page.intro && <p>{text(page.intro)}</p>}
      {questions.map((q) => {
        const Component = componentFor(q);
        return (
          <Controller
            key={q.id}
            name={q.id}
            control={control}
            render={({ field, fieldState }) => (
              <Component
                question={q}
                value={field.value}
                onChange={(v) => onValue(q, v, field.onChange)}
                onBlur={field.onBlur}
                error={fieldState.error ? describeError(q, t) : undefined}
              />
            )}
          />
        );
      })}
      <div className="actions">
        <button type="button" className="button" onClick={() => goTo(previous)}>
          {t('survey.previous')}
        </button>
        <SaveStatus quiet />
        <button type="submit" className="button primary">
          {next.kind === 'finish' ? t('survey.toFinish') : t('survey.next')}
        </button>
      </div>
    </form>
  );
}

function describeError(q: Question, t: ReturnType<typeof useTranslation>['t']): string {
  if (q.type === 'number') return t('survey.numberRange', { min: q.min, max: q.max });
  return t('survey.answerInvalid');
}
