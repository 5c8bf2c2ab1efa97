// The survey screen: loads the student's response, then shows intro, the applicable theme pages, and finish.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { visiblePages } from '../../../../questionnaire/routing.ts';
import { progressOf } from '../../../../questionnaire/progress.ts';
import { useText } from '../../../lib/text.ts';
import { useSurveyStore, type Step } from '../stores/survey-store.ts';
import { installSyncTriggers, scheduleFlush } from '../stores/sync.ts';
import { IntroPage } from './IntroPage.tsx';
import { QuestionPage } from './QuestionPage.tsx';
import { FinishPage } from './FinishPage.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { installTimingTriggers, PageTiming } from '../timing.ts';
import { installHistory } from '../navigation.ts';

export function SurveyView() {
  const { t } = useTranslation();
  const text = useText();
  const snapshot = useSurveyStore((s) => s.snapshot);
  const answers = useSurveyStore((s) => s.answers);
  const step = useSurveyStore((s) => s.step);
  const furthest = useSurveyStore((s) => s.furthest);

  useEffect(() => {
    const uninstallTiming = installTimingTriggers();
    const uninstallSync = installSyncTriggers();
    const uninstallHistory = installHistory();
    const s = useSurveyStore.getState();
    if (Object.keys(s.pending).length || s.events.length) scheduleFlush(0);
    return () => {
      uninstallHistory();
      uninstallSync();
      uninstallTiming();
    };
  }, []);

  if (!snapshot) return <p>{t('app.loading')}</p>;
  const def = snapshot.questionnaire;
  const pages = visiblePages(def, answers, snapshot.context);
  const first = pages[0]!;

  // A page that routing no longer shows falls back to the nearest shown page before it.
  let index = -1;
  if (step.kind === 'page') {
    index = pages.findIndex((p) => p.page.id === step.pageId);
    if (index < 0) {
      const order = def.pages.findIndex((p) => p.id === step.pageId);
      index = Math.max(0, pages.findLastIndex((p) => def.pages.indexOf(p.page) < order));
    }
  }
  const current = index >= 0 ? pages[index]! : null;
  const shown = current ? current.page.id : `#${step.kind}`; // the step on screen, for timing
  const progress = progressOf(def, answers, snapshot.context, { pageId: current?.page.id ?? null, furthest });

  let body;
  if (!current) {
    body =
      step.kind === 'finish' ? (
        <FinishPage pages={pages} previous={{ kind: 'page', pageId: pages[pages.length - 1]!.page.id }} />
      ) : (
        <IntroPage questionnaire={def} firstPageId={first.page.id} institution={snapshot.institution.name} />
      );
  } else {
    const previous: Step = index === 0 ? { kind: 'intro' } : { kind: 'page', pageId: pages[index - 1]!.page.id };
    const next: Step = index === pages.length - 1 ? { kind: 'finish' } : { kind: 'page', pageId: pages[index + 1]!.page.id };
    body = (
      <QuestionPage
        key={current.page.id}
        questionnaire={def}
        pageId={current.page.id}
        questions={current.questions}
        title={text(current.page.title)}
        previous={previous}
        next={next}
      />
    );
  }
  return (
    <>
      {step.kind === 'intro' ? (
        <SaveStatus />
      ) : (
        <ProgressBar answered={progress.answered} total={progress.total} page={current ? { index: progress.page, total: progress.pages } : undefined} />
      )}
      {body}
      <PageTiming target={shown} />
    </>
  );
}
