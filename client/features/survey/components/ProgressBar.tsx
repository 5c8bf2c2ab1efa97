// Progress over the route as far as it is known (questionnaire/progress.ts): grid rows count as items, and the
// total only shrinks as routing leaves pages out. The save status shares its line, so a page starts high up.
import { useTranslation } from 'react-i18next';
import { SaveStatus } from './SaveStatus.tsx';

interface Props {
  answered: number;
  total: number;
  /** The page on screen among the pages that are shown or may still come; absent on the finish page. */
  page?: { index: number; total: number };
}

export function ProgressBar({ answered, total, page }: Props) {
  const { t } = useTranslation();
  const pct = total ? Math.round((answered / total) * 100) : 0;
  return (
    <div className="progress">
      <progress max={total} value={answered} aria-label={t('survey.progress')} aria-valuetext={t('survey.progressValue', { answered, total })} />
      <div className="progress-line">
        <span className="progress-text">
          {page && <>{t('survey.pageOf', { current: page.index + 1, total: page.total })} · </>}
          {t('survey.progressShort', { answered, total })} ({pct}%)
        </span>
        <SaveStatus />
      </div>
    </div>
  );
}
