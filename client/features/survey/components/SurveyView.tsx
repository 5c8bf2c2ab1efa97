// The survey screen: loads the student's response, then shows intro, the applicable theme pages, and finish.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { visiblePages, visibleQuestions, isAnswered } from '../../../../questionnaire/routing.ts';
import { useText } from '../../../lib/text.ts';
import { useSurveyStore, type Step } from '../stores/survey-store.ts';
import { installSyncTriggers, scheduleFlush } from '../stores/sync.ts';
import { IntroPage } from './IntroPage.tsx';
import { QuestionPage } from './QuestionPage.tsx';
import { FinishPage } from './FinishPage.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { installTimingTriggers, PageTiming } from '../timing.ts';

export function SurveyView() {
  const { t } = useTranslation();
  const text = useText();
  const snapshot = useSurveyStore((s) => s.snapshot);
  const answers = useSurveyStore((s) => s.answers);
  const step = useSurveyStore((s) => s.step);

  useEffect(() => {
    const uninstallTiming = installTimingTriggers();
    const uninstallSync = installSyncTriggers();
    const s = useSurveyStore.getState();
    if (Object.keys(s.pending).length || s.events.length) scheduleFlush(0);
    return () => {
      uninstallSync();
      uninstallTiming();
    };
  }, []);

  if (!snapshot) return <p>{t('app.loading')}</p>;
  const def = snapshot.questionnaire;
  const pages = visiblePages(def, answers, snapshot.context);
  const applicable = visibleQuestions(def, answers, snapshot.context);
  const answered = applicable.filter((q) => isAnswered(answers[q.id])).length;
  const first = pages[0]!;

  let body;
  let shown: string = `#${step.kind}`; // the step on screen, for timing
  if (step.kind === 'intro') {
    body = <IntroPage questionnaire={def} firstPageId={first.page.id} institution={snapshot.institution.name} />;
  } else if (step.kind === 'finish') {
    body = <FinishPage pages={pages} previous={{ kind: 'page', pageId: pages[pages.length - 1]!.page.id }} />;
  } else {
    // A page that routing no longer shows falls back to the nearest shown page before it.
    let index = pages.findIndex((p) => p.page.id === step.pageId);
    if (index < 0) {
      const order = def.pages.findIndex((p) => p.id === step.pageId);
      index = Math.max(0, pages.findLastIndex((p) => def.pages.indexOf(p.page) < order));
    }
    const current = pages[index]!;
    shown = current.page.id;
    const previous: Step = index === 0 ? { kind: 'intro' } : { kind: 'page', pageId: pages[index - 1]!.page.id };
    const next: Step = index === pages.length - 1 ? { kind: 'finish' } : { kind: 'page', pageId: pages[index + 1]!.page.id };
    body = (
      <QuestionPage
        key={current.page.id}
        questionnaire={def}
        pageId={current.page.id}
        questions={current.questions}
        title={text(current.page.title)}
        position={{ index, total: pages.length }}
        previous={previous}
        next={next}
      />
    );
  }
  return (
    <>
      {step.kind !== 'intro' && <ProgressBar answered={answered} total={applicable.length} />}
      <SaveStatus />
      {body}
      <PageTiming target={shown} />
    </>
  );
}
