import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { initI18n, toLocale } from '../shared/i18n';
import { PublicFormPage } from './public-form-page';
import '../shared/base.css';
import './f.css';

// Public pages follow the visitor's browser, unless the link says ?lang=.
const params = new URLSearchParams(window.location.search);
const locale = toLocale(params.get('lang')) ?? navigator.languages.map(toLocale).find(Boolean) ?? 'zh-CN';
const i18n = initI18n(locale);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <PublicFormPage />
    </I18nextProvider>
  </StrictMode>,
);
