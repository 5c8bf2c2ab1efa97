// Picks the questionnaire text in the current language.
import { useTranslation } from 'react-i18next';
import type { Text } from '../../questionnaire/schema.ts';
import { currentLanguage } from './i18n.ts';

export function useText(): (t: Text) => string {
  const { i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  return (t) => t[lang];
}
