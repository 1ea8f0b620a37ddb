import { useTranslation } from 'react-i18next';
import { localize } from '@kiln/engine-forms';
import { currentLocale } from '../../shared/i18n';
import { linkClick } from '../../shared/router';
import { ErrorNotice } from '../components/error-notice';
import { listApps } from '../lib/metadata';
import { useAsync } from '../lib/use-async';

/** Every app the operator can see (`app-<key>`). */
export function AppsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const apps = useAsync(listApps, []);
  return (
    <div className="page">
      <h1 className="page-title">{t('apps.title')}</h1>
      {apps.loading && !apps.data && <div className="spinner">{t('common.loading')}</div>}
      {apps.error !== undefined && <ErrorNotice error={apps.error} onRetry={apps.reload} />}
      {apps.data && apps.data.length === 0 && <p className="muted">{t('apps.empty')}</p>}
      <div className="tiles">
        {apps.data?.map((a) => (
          <a key={a.key} className="tile card" href={`/app/${encodeURIComponent(a.key)}`} onClick={linkClick} data-testid={`app-${a.key}`}>
            <strong>{(a.name && localize(a.name, locale)) || a.key}</strong>
            <span className="muted">{a.key}</span>
            <span className="muted small">{a.version ? t('apps.version', { version: a.version }) : t('apps.unpublished')}</span>
          </a>
        ))}
      </div>
    </div>
  );
}
