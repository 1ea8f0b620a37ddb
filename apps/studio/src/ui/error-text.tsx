import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/** Shows an error: the server's message with its stable code, or a generic text. */
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const msg = error instanceof ApiError ? error.message : error instanceof Error ? error.message : t('errors.generic');
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div className="error-text" role="alert">
      {msg}
      {code ? <code className="error-code">{code}</code> : null}
    </div>
  );
}
