import { useTranslation } from 'react-i18next';
import { linkClick } from '../shared/router';
import { CopyButton } from './copy-button';
import { formatFen } from './money';
import type { PortalMe } from './portal-api';
import { PosterCard } from './poster-card';

/** A balance card (`p-balance-<kind>`, `data-fen` = the amount). */
function Balance({ kind, label, fen, hint, accent }: { kind: string; label: string; fen: number; hint?: string; accent?: boolean }) {
  return (
    <div className={`p-balance${accent ? ' is-accent' : ''}`} data-testid={`p-balance-${kind}`} data-fen={fen}>
      <span className="p-balance-label">{label}</span>
      <strong className="p-balance-value">{formatFen(fen)}</strong>
      {hint && <span className="p-balance-hint">{hint}</span>}
    </div>
  );
}

/** Home: greeting, referral code and link (copy), the poster, balances and team counts. */
export function HomePage({ app, me, base }: { app: string; me: PortalMe; base: string }) {
  const { t, i18n } = useTranslation();
  const code = me.record?.referral_code ?? '';
  const name = me.record?.name || me.user.displayName || code;
  const { balance, counts } = me;
  const pending = balance.pending ?? 0;
  return (
    <div className="p-home" data-testid="p-home">
      <div className="p-stack">
        <section className="p-hero">
          <h1 data-testid="p-greeting">{t('p.home.greeting', { name })}</h1>
          <p>{t('p.home.intro')}</p>
        </section>

        <section className="card p-card">
          <div className="p-share-row">
            <div className="p-share-main">
              <span className="p-label">{t('p.home.code')}</span>
              <strong className="p-code" data-testid="p-code-value">
                {code}
              </strong>
            </div>
            <CopyButton text={code} testId="p-copy-code" />
          </div>
          {me.shareUrl && (
            <div className="p-share-row">
              <div className="p-share-main">
                <span className="p-label">{t('p.home.link')}</span>
                <span className="p-link" data-testid="p-share-url">
                  {me.shareUrl}
                </span>
              </div>
              <CopyButton text={me.shareUrl} testId="p-copy-link" />
            </div>
          )}
        </section>

        <section className="card p-card">
          <div className="p-card-head">
            <h2 className="p-card-title">{t('p.home.balance')}</h2>
            <a className="btn btn-small" href={`${base}/withdraw`} onClick={linkClick} data-testid="p-home-withdraw">
              {t('p.home.withdrawNow')}
            </a>
          </div>
          <div className="p-balances">
            <Balance kind="available" label={t('p.home.available')} fen={balance.available} accent hint={pending > 0 ? t('p.home.pending', { amount: formatFen(pending) }) : undefined} />
            <Balance kind="frozen" label={t('p.home.frozen')} fen={balance.frozen} hint={t('p.home.frozenHint')} />
            <Balance kind="withdrawn" label={t('p.home.withdrawn')} fen={balance.withdrawn} />
          </div>
        </section>

        <section className="card p-card">
          <div className="p-card-head">
            <h2 className="p-card-title">{t('p.home.team')}</h2>
            <a className="btn btn-small" href={`${base}/downline`} onClick={linkClick}>
              {t('p.tabs.downline')}
            </a>
          </div>
          <div className="p-counts">
            {([1, 2, 3] as const).map((level) => (
              <div key={level} className="p-count" data-testid={`p-count-level${level}`} data-count={counts[`level${level}`]}>
                <strong>{counts[`level${level}`]}</strong>
                <span>{t('p.home.level', { level })}</span>
              </div>
            ))}
            <div className="p-count is-total" data-testid="p-count-total" data-count={counts.total}>
              <strong>{counts.total}</strong>
              <span>{t('p.home.total')}</span>
            </div>
          </div>
        </section>
      </div>
      <div className="p-stack p-side">
        {code && <PosterCard app={app} code={code} locale={i18n.language} />}
      </div>
    </div>
  );
}
