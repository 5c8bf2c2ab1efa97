// Staff entry point (/staff). Loads no student code: shares client/ui, client/lib and client/locales only.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../lib/i18n.ts';
import staffNl from '../locales/nl/staff.json';
import staffEn from '../locales/en/staff.json';
import { StaffApp } from './StaffApp.tsx';
import './styles.css';

const i18n = initI18n({ nl: { staff: staffNl }, en: { staff: staffEn } });
document.documentElement.lang = i18n.language;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StaffApp />
  </StrictMode>,
);
