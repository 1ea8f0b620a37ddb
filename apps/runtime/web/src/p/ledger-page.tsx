import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api';
import { formatDate, formatDateTime } from './format';
import { formatFen } from './money';
import { getLedger, type LedgerEntry, type Page } from './portal-api';
import { Failed, Loading } from './states';
import { useLoad } from './use-load';

const KINDS = new Set(['commission', 'first_order', 'invite', 'top_seller', 'team', 'differential', 'reversal', 'withdrawal']);
const STATES = new Set(['frozen', 'available', 'cancelled', 'paid_out']);

/** One ledger line: date, kind, signed amount, state chip, level and order. */
function Entry({ e }: { e: LedgerEntry }) {
  const { t } = useTranslation();
  const amount = Number(e.amount) || 0;
  return (
    <li className="p-entry" data-testid={`p-ledger-row-${e.id}`} data-kind={e.kind} data-amount={amount} data-state={e.state}>
      <div className="p-entry-main">
        <span className="p-entry-kind">{KINDS.has(e.kind) ? t(`p.ledger.kind.${e.kind}`) : e.kind}</span>
        <span className="p-entry-meta muted">
          {[
            formatDateTime(e.createdAt),
            e.level ? t('p.ledger.level', { level: e.level }) : '',
            e.order ? t('p.ledger.order', { id: e.order }) : '',
            e.state === 'frozen' && e.release_at ? t('p.ledger.releaseAt', { date: formatDate(e.release_at) }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      <div className="p-entry-side">
        <strong className={`p-amount ${amount < 0 ? 'is-neg' : 'is-pos'}${e.state === 'cancelled' ? ' is-void' : ''}`} data-testid={`p-ledger-amount-${e.id}`}>
          {formatFen(amount, { signed: true })}
        </strong>
        <span className={`p-chip s-${e.state}`} data-testid={`p-ledger-state-${e.id}`}>
          {STATES.has(e.state) ? t(`p.ledger.state.${e.state}`) : e.state}
        </span>
      </div>
    </li>
  );
}

/** My ledger entries, newest first as the server pages them, with "load more". */
export function LedgerPage({ app }: { app: string }) {
  const { t } = useTranslation();
  const [first, reload] = useLoad((signal) => getLedger(app, null, signal), [app]);
  const [more, setMore] = useState<{ items: LedgerEntry[]; nextCursor: string | null; from: Page<LedgerEntry> } | undefined>();
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<string | undefined>();

  if (first.kind === 'loading') return <Loading />;
  if (first.kind === 'error') return <Failed error={first.error} onRetry={reload} />;
  // Pages loaded after the first one belong to that first page (a reload starts over).
  const extra = more && more.from === first.data ? more : undefined;
  const items = [...first.data.items, ...(extra?.items ?? [])];
  const cursor = extra ? extra.nextCursor : first.data.nextCursor;

  const loadMore = async () => {
    if (!cursor) return;
    setBusy(true);
    setMoreError(undefined);
    try {
      const page = await getLedger(app, cursor);
      setMore({ items: [...(extra?.items ?? []), ...page.items], nextCursor: page.nextCursor, from: first.data });
    } catch (e) {
      setMoreError(e instanceof ApiError && e.status !== 0 ? e.message : t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="p-stack" data-testid="p-ledger">
      <section className="card p-card">
        <h1 className="p-card-title">{t('p.ledger.title')}</h1>
        {items.length === 0 ? (
          <p className="muted p-empty" data-testid="p-ledger-empty">
            {t('p.ledger.empty')}
          </p>
        ) : (
          <ul className="p-entries" data-testid="p-ledger-list" data-count={items.length}>
            {items.map((e) => (
              <Entry key={e.id} e={e} />
            ))}
          </ul>
        )}
        {moreError && (
          <div className="notice notice-error" role="alert">
            {moreError}
          </div>
        )}
        {cursor ? (
          <button type="button" className="btn p-wide" data-testid="p-ledger-more" disabled={busy} onClick={() => void loadMore()}>
            {busy ? t('p.ledger.loadingMore') : t('p.ledger.more')}
          </button>
        ) : (
          items.length > 0 && (
            <p className="muted p-end" data-testid="p-ledger-end">
              {t('p.ledger.end')}
            </p>
          )
        )}
      </section>
    </div>
  );
}
