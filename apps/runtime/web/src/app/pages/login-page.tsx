import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, setToken } from '../../shared/api';
import { navigate, useLocation } from '../../shared/router';

/** Email + password → token in localStorage, then back to where the operator was going. */
export function LoginPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(search.get('expired') ? t('login.expired') : undefined);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { token } = await api<{ token: string }>('/api/auth/login', { method: 'POST', body: { email, password }, auth: false });
      setToken(token);
      const next = search.get('next');
      navigate(next && next.startsWith('/app') && !next.startsWith('/app/login') ? next : '/app', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('login.failed') : e instanceof ApiError && e.status !== 0 ? e.message : t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-wrap">
      <form
        className="login card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h1>{t('login.title')}</h1>
        {error && (
          <div className="notice notice-error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <label>
          <span>{t('login.email')}</span>
          <input className="input" type="email" autoComplete="username" required data-testid="login-email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          <span>{t('login.password')}</span>
          <input className="input" type="password" autoComplete="current-password" required data-testid="login-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary" data-testid="login-submit" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
