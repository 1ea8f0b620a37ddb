import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { useMe } from '../hooks/useMe';
import { navigate } from '../router/history';
import { Link } from '../router/link';
import { paths } from '../router/routes';
import { useRoute } from '../router/useRoute';
import '../audit/i18n/register';
import '../users/i18n/register';
import { LangSwitch } from './lang-switch';

const selectToken = (s: { token: string | null }) => s.token;

/** The top bar: brand, the admins' "Users" and "Audit" links, language switch, the signed-in user and logout. */
export function Header() {
  const { t } = useTranslation();
  const token = useSession(selectToken);
  const me = useMe();
  const route = useRoute();
  const logout = () => {
    useSession.getState().setToken(null);
    navigate(paths.login(), { replace: true });
  };
  return (
    <header className="topbar">
      <Link to={paths.apps()} className="brand">
        <span className="brand-mark">K</span>
        <span>{t('app.title')}</span>
      </Link>
      <div className="topbar-spacer" />
      {token && me?.role === 'admin' && (
        <Link to={paths.users()} className="btn btn-ghost" aria-current={route.name === 'users' ? 'page' : undefined} data-testid="nav-users">
          {t('users.nav')}
        </Link>
      )}
      {token && me?.role === 'admin' && (
        <Link to={paths.audit()} className="btn btn-ghost" aria-current={route.name === 'audit' ? 'page' : undefined} data-testid="nav-audit">
          {t('audit.nav')}
        </Link>
      )}
      <LangSwitch />
      {token && (
        <>
          {me && (
            <span className="topbar-user" title={me.role}>
              {me.email}
            </span>
          )}
          <button type="button" className="btn btn-ghost" onClick={logout} data-testid="logout">
            {t('auth.logout')}
          </button>
        </>
      )}
    </header>
  );
}
