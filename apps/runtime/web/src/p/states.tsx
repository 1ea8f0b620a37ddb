import { useTranslation } from 'react-i18next';
import type { ApiError } from '../shared/api';

/** The spinner of a page that is loading. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="spinner" data-testid="p-loading">
      {t('common.loading')}
    </div>
  );
}

/** A failed load: the server's message (or "network unavailable") and a retry button. */
export function Failed({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="card p-card p-failed" role="alert" data-testid="p-load-error" data-code={error.code}>
      <p>{error.status === 0 ? t('common.networkError') : error.message || t('common.error')}</p>
      <button type="button" className="btn btn-small" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
