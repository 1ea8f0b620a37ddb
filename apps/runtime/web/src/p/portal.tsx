import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, getToken, setToken } from '../shared/api';
import { setLocale } from '../shared/i18n';
import { LocaleSwitch } from '../shared/locale-switch';
import { linkClick, navigate, useLocation } from '../shared/router';
import { DownlinePage } from './downline-page';
import { HomePage } from './home-page';
import { LedgerPage } from './ledger-page';
import { getMe, logout, redeemMagic } from './portal-api';
import { SignIn } from './sign-in';
import { Failed, Loading } from './states';
import { useLoad } from './use-load';
import { WithdrawPage } from './withdraw-page';

/** Fired (on window) when an authenticated call answers 401: the session is gone. */
export const SESSION_LOST = 'kiln:portal-session-lost';

const SECTIONS = ['downline', 'ledger', 'withdraw'] as const;
type Section = 'home' | (typeof SECTIONS)[number];

/** `/p/{app}[/{section}]` → its parts ('' app when the link has none). */
function routeOf(pathname: string): { app: string; section: Section | undefined } {
  const parts = pathname.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
  const app = parts[0] ?? '';
  const s = parts[1];
  const section: Section | undefined = s === undefined ? 'home' : (SECTIONS as readonly string[]).includes(s) ? (s as Section) : undefined;
  return { app, section: parts.length > 2 ? undefined : section };
}

/** The `magic` token of a `#magic=<token>` link, if this page was opened with one. */
function magicOf(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('magic') || undefined;
}

// A magic token is single-use: redeem each one once (StrictMode runs effects twice).
const redeemed = new Set<string>();

/**
 * The promoter portal `/p/{app}`: sign-in by phone code (or a magic link), then home,
 * downline, ledger and withdraw; the language switch and sign-out sit in the top bar.
 */
export function Portal() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { app, section } = routeOf(pathname);
  const base = `/p/${encodeURIComponent(app)}`;
  const [token, setTok] = useState<string | null>(getToken);
  const [magic, setMagic] = useState<string | undefined>(() => magicOf(window.location.hash));
  const [notice, setNotice] = useState<string | undefined>();

  useEffect(() => {
    document.title = t('p.brand');
  }, [t]);

  useEffect(() => {
    const lost = () => {
      setTok(null);
      setNotice(t('login.expired'));
    };
    window.addEventListener(SESSION_LOST, lost);
    return () => window.removeEventListener(SESSION_LOST, lost);
  }, [t]);

  // A link opened in a tab already showing the portal only changes the hash.
  useEffect(() => {
    const onHash = () => {
      const m = magicOf(window.location.hash);
      if (m) setMagic(m);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (!magic || redeemed.has(magic)) return;
    redeemed.add(magic);
    // Take the token out of the address bar (and history) before anything else.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    redeemMagic(magic).then(
      (s) => {
        setToken(s.token);
        setTok(s.token);
        setMagic(undefined);
      },
      (e: unknown) => {
        setNotice(e instanceof ApiError && e.status === 0 ? t('common.networkError') : t('p.signin.magicFailed'));
        setMagic(undefined);
      },
    );
  }, [magic, t]);

  useEffect(() => {
    if (app && section === undefined) navigate(base, { replace: true });
  }, [app, section, base]);

  const signedIn = (tok: string) => {
    setToken(tok);
    setTok(tok);
    setNotice(undefined);
  };
  const signOut = async () => {
    try {
      await logout();
    } catch {
      /* the token is dropped either way */
    }
    setToken(null);
    setTok(null);
    navigate(base, { replace: true });
  };

  let body;
  if (!app) body = <div className="card p-card p-failed" data-testid="p-no-app">{t('p.noApp')}</div>;
  else if (magic)
    body = (
      <div className="spinner" data-testid="p-magic">
        {t('p.signin.magic')}
      </div>
    );
  else if (!token) body = <SignIn app={app} notice={notice} onSignedIn={signedIn} />;
  else body = <SignedIn key={token} app={app} base={base} section={section ?? 'home'} onSignOut={() => void signOut()} />;

  return (
    <div className="p-shell">
      <header className="p-top">
        <a className="p-brand" href={app ? base : '/p'} onClick={linkClick}>
          {t('p.brand')}
        </a>
        <div className="p-top-right">
          <LocaleSwitch onSwitch={(l) => setLocale(l, true)} />
          {token && !magic && app && (
            <button type="button" className="btn btn-small" data-testid="p-signout" onClick={() => void signOut()}>
              {t('p.signOut')}
            </button>
          )}
        </div>
      </header>
      {body}
    </div>
  );
}

/** The signed-in portal: `/me` once, the tab bar, and the page of `section`. */
function SignedIn({ app, base, section, onSignOut }: { app: string; base: string; section: Section; onSignOut(): void }) {
  const { t } = useTranslation();
  // Refreshed (without a spinner) on every tab change, so balances are never stale.
  const [me, reloadMe] = useLoad((signal) => getMe(app, signal), [app, section]);

  if (me.kind === 'loading') return <Loading />;
  if (me.kind === 'error') {
    // 404: no promoter record of this user here; 403: the app is not theirs.
    if (me.error.status === 403 || me.error.status === 404)
      return (
        <main className="p-main">
          <div className="card p-card p-failed" role="alert" data-testid="p-not-promoter" data-code={me.error.code}>
            <p>{t('p.notPromoter')}</p>
            <button type="button" className="btn btn-small" onClick={onSignOut}>
              {t('p.signOut')}
            </button>
          </div>
        </main>
      );
    return (
      <main className="p-main">
        <Failed error={me.error} onRetry={reloadMe} />
      </main>
    );
  }

  const tabs: { key: Section; href: string; icon: string }[] = [
    { key: 'home', href: base, icon: '⌂' },
    { key: 'downline', href: `${base}/downline`, icon: '⋔' },
    { key: 'ledger', href: `${base}/ledger`, icon: '≡' },
    { key: 'withdraw', href: `${base}/withdraw`, icon: '¥' },
  ];
  let page;
  if (section === 'downline') page = <DownlinePage app={app} />;
  else if (section === 'ledger') page = <LedgerPage app={app} />;
  else if (section === 'withdraw') page = <WithdrawPage app={app} me={me.data} onChanged={reloadMe} />;
  else page = <HomePage app={app} me={me.data} base={base} />;

  return (
    <>
      <nav className="p-tabs" aria-label={t('p.brand')}>
        {tabs.map((tab) => (
          <a
            key={tab.key}
            href={tab.href}
            onClick={linkClick}
            className={`p-tab${tab.key === section ? ' is-active' : ''}`}
            aria-current={tab.key === section ? 'page' : undefined}
            data-testid={`p-tab-${tab.key}`}
          >
            <span className="p-tab-icon" aria-hidden="true">
              {tab.icon}
            </span>
            <span>{t(`p.tabs.${tab.key}`)}</span>
          </a>
        ))}
      </nav>
      <main className="p-main">{page}</main>
    </>
  );
}
