// Student entry point. Loads no staff code.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './lib/i18n.ts';
import { App } from './app/App.tsx';
import { registerServiceWorker } from './lib/service-worker.ts';
import './app/styles.css';

const i18n = initI18n();
document.documentElement.lang = i18n.language;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
