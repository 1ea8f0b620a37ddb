/**
 * The promoter portal `/p/{app}` (entry of p.html). Mobile first; zh-CN unless the promoter
 * chose English (the choice is remembered, `?lang=` overrides it for one visit).
 *
 * Routes: `/p/{app}` home · `/p/{app}/downline` · `/p/{app}/ledger` · `/p/{app}/withdraw`;
 * `/p/{app}#magic=<token>` signs in with a magic link, then drops the hash.
 *
 * Test ids (`data-testid`):
 * - shell: `p-signout`, `lang-zh-CN` / `lang-en` (shared locale switch), `p-tab-home`,
 *   `p-tab-downline`, `p-tab-ledger`, `p-tab-withdraw`, `p-loading`, `p-load-error`
 *   (`data-code`), `p-no-app`, `p-magic` (a magic link being redeemed), `p-not-promoter`.
 * - sign-in: `p-signin`, `p-phone`, `p-send-code` (`data-countdown` = seconds until it can be
 *   sent again), `p-code`, `p-verify`, `p-code-sent`, `p-signin-error`.
 * - home: `p-home`, `p-greeting`, `p-code-value`, `p-copy-code`, `p-share-url`, `p-copy-link`
 *   (copy buttons get `data-copied="true|false"` after a click), `p-home-withdraw`,
 *   `p-balance-available|frozen|withdrawn` (`data-fen`), `p-count-level1|level2|level3|total`
 *   (`data-count`), `p-poster-card` (`data-state` loading|ready|error), `p-poster` (the img),
 *   `p-poster-error`, `p-poster-download`.
 * - downline: `p-downline`, `p-downline-level-<n>` and `p-downline-total` (`data-count`),
 *   `p-node-<customerId>` (`data-level`, `data-name`, `aria-expanded`), `p-node-toggle-<id>`,
 *   `p-downline-expand-all`, `p-downline-collapse-all`, `p-downline-empty`.
 * - ledger: `p-ledger`, `p-ledger-list` (`data-count`), `p-ledger-row-<entryId>` (`data-kind`,
 *   `data-amount` fen, `data-state`), `p-ledger-amount-<id>`, `p-ledger-state-<id>`,
 *   `p-ledger-more`, `p-ledger-end`, `p-ledger-empty`.
 * - withdraw: `p-withdraw`, `p-withdraw-available` (`data-fen`), `p-withdraw-rule`,
 *   `p-withdraw-amount`, `p-withdraw-all`, `p-withdraw-problem` (client-side check),
 *   `p-withdraw-preview`, `p-withdraw-submit`, `p-withdraw-ok`, `p-withdraw-error` (the
 *   server's message), `p-withdrawals`, `p-withdrawals-empty`, `p-withdrawal-<id>`
 *   (`data-state`, `data-amount`), `p-withdrawal-state-<id>`.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { setToken, setUnauthorizedHandler } from '../shared/api';
import { initI18n, storedLocale, toLocale } from '../shared/i18n';
import { PORTAL_RESOURCES } from './locales';
import { Portal, SESSION_LOST } from './portal';
import '../shared/base.css';
import './p.css';

const params = new URLSearchParams(window.location.search);
const i18n = initI18n(toLocale(params.get('lang')) ?? storedLocale());
for (const [lng, bundle] of Object.entries(PORTAL_RESOURCES)) i18n.addResourceBundle(lng, 'translation', bundle, true, true);

// Any 401 on an authenticated call: forget the token and show the sign-in screen again.
setUnauthorizedHandler(() => {
  setToken(null);
  window.dispatchEvent(new Event(SESSION_LOST));
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <Portal />
    </I18nextProvider>
  </StrictMode>,
);
