// i18next set up with both locales bundled (they are small); Dutch is the source and the default.
// Keys are typed from the Dutch file, so a wrong key does not compile.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from '../locales/nl/common.json';
import en from '../locales/en/common.json';
import type staffNl from '../locales/nl/staff.json';
import type classroomNl from '../locales/nl/classroom.json';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'jm.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof nl; staff: typeof staffNl; classroom: typeof classroomNl };
  }
}

function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'nl') return fromUrl;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'nl') return stored;
  } catch {
    // storage can be blocked; Dutch it is
  }
  return 'nl';
}

/** Namespaces an entry adds to `common` (the staff app adds `staff`), per language. */
export type ExtraResources = Record<Language, Record<string, object>>;

export function initI18n(extra?: ExtraResources) {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // not persisting the choice is harmless
    }
  });
  void i18next.use(initReactI18next).init({
    resources: { nl: { common: nl, ...extra?.nl }, en: { common: en, ...extra?.en } },
    lng: initialLanguage(),
    fallbackLng: 'nl',
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return i18next;
}

export const currentLanguage = (lng: string): Language => (lng === 'en' ? 'en' : 'nl');
