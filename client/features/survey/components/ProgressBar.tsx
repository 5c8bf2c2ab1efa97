// Progress over the questions that apply to this student, routing included.
import { useTranslation } from 'react-i18next';

export function ProgressBar({ answered, total }: { answered: number; total: number }) {
  const { t } = useTranslation();
  const pct = total ? Math.round((answered / total) * 100) : 0;
  return (
    <div className="progress">
      <progress max={total} value={answered} aria-label={t('survey.progress')} aria-valuetext={t('survey.progressValue', { answered, total })} />
      <span className="progress-text">{t('survey.progressValue', { answered, total })} ({pct}%)</span>
    </div>
  );
}
