import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { FlowDraft } from '../../api/types';
import { useDeleteDraft } from '../../hooks/useDeleteDraft';
import { useLocale } from '../../hooks/useLocale';
import { Link } from '../../router/link';
import { paths } from '../../router/routes';
import { ErrorText } from '../../ui/error-text';
import { pick } from '../../ui/localized';

interface Props {
  app: string;
  drafts: FlowDraft[];
  loading: boolean;
  onChanged: () => void;
}

/** The app's flow drafts: name, key, form, steps, updated; open / delete. */
export function FlowsTable({ app, drafts, loading, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { error, remove } = useDeleteDraft((key) => t('flows.confirmDelete', { key }), (key) => endpoints.deleteFlow(app, key), onChanged);
  if (loading) return <div className="muted pad">{t('common.loading')}</div>;
  if (drafts.length === 0) return <div className="page-empty">{t('flows.empty')}</div>;
  return (
    <>
      <ErrorText error={error} />
      <table className="table">
        <thead>
          <tr>
            <th>{t('flows.name')}</th>
            <th>{t('flows.key')}</th>
            <th>{t('flows.settings.form')}</th>
            <th>{t('flows.steps')}</th>
            <th>{t('forms.updatedAt')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {drafts.map(({ key, definition: d, updatedAt }) => (
            <tr key={key} data-testid={`flow-row-${key}`}>
              <td>
                <Link to={paths.flow(app, key)} data-testid={`flow-open-${key}`}>
                  {pick(d?.name, locale, key)}
                </Link>
                {d?.enabled === false && <span className="badge">{t('rules.off')}</span>}
              </td>
              <td>
                <code>{key}</code>
              </td>
              <td className="muted">{d?.form || '—'}</td>
              <td className="muted">{Array.isArray(d?.nodes) ? d.nodes.length : 0}</td>
              <td className="muted">{updatedAt ? new Date(updatedAt).toLocaleString(locale) : ''}</td>
              <td className="row-actions">
                <Link to={paths.flow(app, key)} className="btn btn-sm">
                  {t('common.open')}
                </Link>
                <button type="button" className="btn btn-sm btn-danger" onClick={() => void remove(key)} data-testid={`flow-delete-${key}`}>
                  {t('common.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
