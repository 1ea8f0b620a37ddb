import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPoster } from './portal-api';

type PosterState = { kind: 'loading' } | { kind: 'ready'; url: string } | { kind: 'error' };

/**
 * The share poster, fetched with the bearer token into a blob URL (revoked when it changes or
 * the card goes), and a button that saves it as `poster-<code>.png`.
 */
export function PosterCard({ app, code, locale }: { app: string; code: string; locale: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<PosterState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    let url: string | undefined;
    setState({ kind: 'loading' });
    getPoster(app, ctl.signal).then(
      (blob) => {
        if (ctl.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setState({ kind: 'ready', url });
      },
      () => !ctl.signal.aborted && setState({ kind: 'error' }),
    );
    return () => {
      ctl.abort();
      if (url) URL.revokeObjectURL(url);
    };
    // The server draws the poster in the UI language (Accept-Language): refetch on a switch.
  }, [app, locale, attempt]);

  const download = () => {
    if (state.kind !== 'ready') return;
    const a = document.createElement('a');
    a.href = state.url;
    a.download = `poster-${code}.png`;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  return (
    <section className="card p-card p-poster-card" data-testid="p-poster-card" data-state={state.kind}>
      <h2 className="p-card-title">{t('p.home.poster')}</h2>
      <div className="p-poster-frame">
        {state.kind === 'ready' && <img src={state.url} alt={t('p.home.poster')} className="p-poster" data-testid="p-poster" />}
        {state.kind === 'loading' && <div className="p-poster-placeholder muted">{t('p.home.posterLoading')}</div>}
        {state.kind === 'error' && (
          <div className="p-poster-placeholder" data-testid="p-poster-error">
            <span className="muted">{t('p.home.posterFailed')}</span>
            <button type="button" className="btn btn-small" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </div>
        )}
      </div>
      <button type="button" className="btn btn-primary p-wide" data-testid="p-poster-download" disabled={state.kind !== 'ready'} onClick={download}>
        {t('p.home.download')}
      </button>
    </section>
  );
}
