import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { setToken, setUnauthorizedHandler } from '../shared/api';
import { initI18n, storedLocale } from '../shared/i18n';
import { navigate } from '../shared/router';
import { App } from './app';
import '../shared/base.css';
import './app.css';

const i18n = initI18n(storedLocale());

// Any 401 on an authenticated call: the session is gone, sign in again and come back.
setUnauthorizedHandler(() => {
  setToken(null);
  if (!window.location.pathname.startsWith('/app/login')) {
    navigate(`/app/login?expired=1&next=${encodeURIComponent(window.location.pathname + window.location.search)}`, { replace: true });
  }
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
