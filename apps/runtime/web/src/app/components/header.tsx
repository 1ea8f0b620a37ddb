import { useTranslation } from 'react-i18next';
import { api, setToken } from '../../shared/api';
import { setLocale } from '../../shared/i18n';
import { LocaleSwitch } from '../../shared/locale-switch';
import { linkClick, navigate } from '../../shared/router';
import { clearMetaCache } from '../lib/metadata';
import { clearTaskCounts } from '../lib/task-counts';
import { HeaderNav } from './header-nav';

/**
 * The operator header: brand, the inbox and submissions links once signed in (`HeaderNav`),
 * signed-in user (`header-user`), language switch, `logout`.
 */
export function Header({ email }: { email?: string }) {
  const { t } = useTranslation();
  const logout = async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } catch {
      /* the token is dropped either way */
    }
    setToken(null);
    clearTaskCounts();
    clearMetaCache();
    navigate('/app/login');
  };
  return (
    <header className="topbar">
      <div className="topbar-left">
        <a href="/app" className="brand" onClick={linkClick}>
          {t('app.brand')}
        </a>
        {email && <HeaderNav />}
      </div>
      <div className="topbar-right">
        <LocaleSwitch onSwitch={(l) => setLocale(l, true)} />
        {email && (
          <span className="user muted" data-testid="header-user" title={t('app.signedInAs', { email })}>
            {email}
          </span>
        )}
        {email && (
          <button type="button" className="btn btn-small" data-testid="logout" onClick={() => void logout()}>
            {t('app.logout')}
          </button>
        )}
      </div>
    </header>
  );
}
