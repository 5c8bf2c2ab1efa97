// The quiet save indicator: "opgeslagen" / "offline - je antwoorden worden bewaard".
import { useTranslation } from 'react-i18next';
import { useSurveyStore } from '../stores/survey-store.ts';

export function SaveStatus() {
  const { t } = useTranslation();
  const status = useSurveyStore((s) => s.saveStatus);
  const label =
    status === 'saved' ? t('survey.saved') : status === 'saving' ? t('survey.saving') : status === 'offline' ? t('survey.offline') : status === 'error' ? t('survey.saveError') : '';
  return (
    <p className={`save-status save-${status}`} role="status" aria-live="polite">
      {label}
    </p>
  );
}
