import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api';

/** An error as a person can read it: the server's localized message, or a network hint. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?(): void }) {
  const { t } = useTranslation();
  const text = error instanceof ApiError ? (error.status === 0 ? t('common.networkError') : error.message) : t('common.error');
  return (
    <div className="notice notice-error" role="alert" data-testid="error-notice">
      {text}
      {onRetry && (
        <button type="button" className="btn btn-small retry" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
