import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api';
import { sendCode, verifyCode } from './portal-api';

const RESEND_SECONDS = 60;

/** Seconds the server asks to wait (`details.retryAfterSeconds`), if it says. */
function retryAfterOf(e: ApiError): number | undefined {
  const d = e.details as { retryAfterSeconds?: unknown; retryAfter?: unknown } | undefined;
  const n = Number(d?.retryAfterSeconds ?? d?.retryAfter);
  return Number.isFinite(n) && n > 0 ? Math.ceil(n) : undefined;
}

/**
 * Phone → "send code" (60 s before it can be sent again) → the 6-digit code → a session.
 * `notice` is shown above the form (an expired session, a failed magic link).
 */
export function SignIn({ app, notice, onSignedIn }: { app: string; notice?: string; onSignedIn(token: string): void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | undefined>();
  const [countdown, setCountdown] = useState(0);
  const [busy, setBusy] = useState<'send' | 'verify' | undefined>();
  const [error, setError] = useState<string | undefined>(notice);

  useEffect(() => {
    if (countdown <= 0) return;
    const timer = setTimeout(() => setCountdown((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [countdown]);

  const cleanPhone = phone.replace(/[\s-]/g, '');
  const phoneOk = /^\+?\d{6,15}$/.test(cleanPhone);

  // The server's auth errors are English only (and INVALID_CREDENTIALS speaks of passwords):
  // say them in the promoter's words; anything else as the server put it.
  const failure = (e: unknown): string => {
    if (!(e instanceof ApiError) || e.status === 0) return t('common.networkError');
    if (e.code === 'RATE_LIMITED' || e.status === 429) {
      const wait = retryAfterOf(e);
      if (wait) setCountdown(wait);
      return wait ? t('p.signin.rateLimitedIn', { seconds: wait }) : t('p.signin.rateLimited');
    }
    if (e.code === 'INVALID_CREDENTIALS') return t('p.signin.codeWrong');
    return e.message || t('common.error');
  };

  const send = async () => {
    if (!phoneOk) {
      setError(t('p.signin.phoneInvalid'));
      return;
    }
    setBusy('send');
    setError(undefined);
    try {
      await sendCode(cleanPhone, app);
      setSentTo(cleanPhone);
      setCountdown(RESEND_SECONDS);
    } catch (e) {
      setError(failure(e));
    } finally {
      setBusy(undefined);
    }
  };

  const verify = async () => {
    if (!/^\d{6}$/.test(code.trim())) {
      setError(t('p.signin.codeInvalid'));
      return;
    }
    setBusy('verify');
    setError(undefined);
    try {
      const session = await verifyCode(sentTo ?? cleanPhone, code.trim(), app);
      onSignedIn(session.token);
    } catch (e) {
      setError(failure(e));
      setBusy(undefined);
    }
  };

  return (
    <div className="p-signin-wrap">
      <form
        className="p-signin card"
        data-testid="p-signin"
        onSubmit={(e) => {
          e.preventDefault();
          void verify();
        }}
      >
        <div className="p-signin-head">
          <div className="p-logo" aria-hidden="true">
            ✦
          </div>
          <h1>{t('p.signin.title')}</h1>
          <p className="muted">{t('p.signin.subtitle')}</p>
        </div>
        {error && (
          <div className="notice notice-error" role="alert" data-testid="p-signin-error">
            {error}
          </div>
        )}
        {sentTo && !error && (
          <div className="notice notice-ok" role="status" data-testid="p-code-sent">
            {t('p.signin.sent', { phone: sentTo })}
          </div>
        )}
        <label className="p-field">
          <span>{t('p.signin.phone')}</span>
          <input
            className="input"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder={t('p.signin.phonePlaceholder')}
            data-testid="p-phone"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </label>
        <label className="p-field">
          <span>{t('p.signin.code')}</span>
          <span className="p-code-row">
            <input
              className="input"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder={t('p.signin.codePlaceholder')}
              data-testid="p-code"
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
            <button
              type="button"
              className="btn p-send"
              data-testid="p-send-code"
              data-countdown={countdown}
              disabled={busy !== undefined || countdown > 0}
              onClick={() => void send()}
            >
              {busy === 'send' ? t('p.signin.sending') : countdown > 0 ? t('p.signin.resendIn', { seconds: countdown }) : t('p.signin.send')}
            </button>
          </span>
        </label>
        <button type="submit" className="btn btn-primary p-submit" data-testid="p-verify" disabled={busy !== undefined}>
          {busy === 'verify' ? t('p.signin.submitting') : t('p.signin.submit')}
        </button>
      </form>
    </div>
  );
}
