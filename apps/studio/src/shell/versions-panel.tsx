import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../api/endpoints';
import { useAsync } from '../hooks/useAsync';
import { useLocale } from '../hooks/useLocale';
import { confirmAction } from '../ui/confirm';
import { ErrorText } from '../ui/error-text';

interface Props {
  app: string;
  refreshKey: number;
  onRolledBack: () => void;
}

/** Published versions of the app, newest first, each with "roll back to this". */
export function VersionsPanel({ app, refreshKey, onRolledBack }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data, error, reload } = useAsync(() => endpoints.versions(app), [app, refreshKey]);
  const [actionError, setActionError] = useState<unknown>();
  const items = [...(data?.items ?? [])].sort((a, b) => b.version - a.version);
  const current = items[0]?.version;

  const rollback = async (version: number) => {
    if (!(await confirmAction(t('versions.confirmRollback', { version })))) return;
    setActionError(undefined);
    try {
      await endpoints.rollback(app, version);
      reload();
      onRolledBack();
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <section className="panel versions" data-testid="versions">
      <header className="panel-head">{t('versions.title')}</header>
      <ErrorText error={error ?? actionError} />
      {data && items.length === 0 && <div className="page-empty">{t('versions.empty')}</div>}
      <ul className="version-list">
        {items.map((v) => (
          <li key={v.version} data-testid={`version-${v.version}`}>
            <div>
              <strong>v{v.version}</strong>
              {v.version === current && <span className="badge badge-ok">{t('versions.current')}</span>}
              <div className="muted small">
                {new Date(v.publishedAt).toLocaleString(locale)}
                {v.publishedBy ? ` · ${v.publishedBy}` : ''}
              </div>
            </div>
            {v.version !== current && (
              <button type="button" className="btn btn-sm" onClick={() => void rollback(v.version)} data-testid={`rollback-${v.version}`}>
                {t('versions.rollback')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
