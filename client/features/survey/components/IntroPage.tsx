// The first screen after login.
import { useTranslation } from 'react-i18next';
import { useText } from '../../../lib/text.ts';
import type { Questionnaire } from '../../../../questionnaire/schema.ts';
import { goTo } from '../navigation.ts';

export function IntroPage({ questionnaire, firstPageId, institution }: { questionnaire: Questionnaire; firstPageId: string; institution: string }) {
  const { t } = useTranslation();
  const text = useText();
  return (
    <section className="card">
      <h1 tabIndex={-1}>{t('survey.introHeading')}</h1>
      <p className="muted">{text(questionnaire.title)} · {institution}</p>
      <p>{t('survey.introText')}</p>
      <p>{t('survey.introOptional')}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => goTo({ kind: 'page', pageId: firstPageId })}>
          {t('survey.start')}
        </button>
      </div>
    </section>
  );
}
