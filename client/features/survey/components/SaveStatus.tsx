// The quiet save indicator: "opgeslagen" / "offline - je antwoorden worden bewaard". Shown above the page and again
// beside its buttons (a page can be several screens long); only the top one is announced.
import { useTranslation } from 'react-i18next';
import { useSurveyStore } from '../stores/survey-store.ts';

export function SaveStatus({ quiet = false }: { quiet?: boolean }) {
  const { t } = useTranslation();
  const status = useSurveyStore((s) => s.saveStatus);
  const label =
    status === 'saved' ? t('survey.saved') : status === 'saving' ? t('survey.saving') : status === 'offline' ? t('survey.offline') : status === 'error' ? t('survey.saveError') : '';
  if (quiet) {
    return (
      <p className={`save-status save-status-end save-${status}`} aria-hidden="true">
        {label}
      </p>
    );
  }
  return (
    <p className={`save-status save-${status}`} role="status" aria-live="polite">
      {label}
    </p>
  );
}
