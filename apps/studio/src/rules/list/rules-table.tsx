import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { RuleDraft } from '../../api/types';
import { useDeleteDraft } from '../../hooks/useDeleteDraft';
import { useLocale } from '../../hooks/useLocale';
import { Link } from '../../router/link';
import { paths } from '../../router/routes';
import { ErrorText } from '../../ui/error-text';
import { pick } from '../../ui/localized';
import { eventKey } from '../model/event-key';

interface Props {
  app: string;
  drafts: RuleDraft[];
  loading: boolean;
  onChanged: () => void;
}

/** The app's rule drafts: title, key, kind (event and form, or hit policy), enabled, updated; open / delete. */
export function RulesTable({ app, drafts, loading, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { error, remove } = useDeleteDraft((key) => t('rules.confirmDelete', { key }), (key) => endpoints.deleteRule(app, key), onChanged);
  if (loading) return <div className="muted pad">{t('common.loading')}</div>;
  if (drafts.length === 0) return <div className="page-empty">{t('rules.empty')}</div>;
  return (
    <>
      <ErrorText error={error} />
      <table className="table">
        <thead>
          <tr>
            <th>{t('rules.name')}</th>
            <th>{t('rules.key')}</th>
            <th>{t('rules.kind')}</th>
            <th>{t('forms.updatedAt')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {drafts.map(({ key, definition: d, updatedAt }) => (
            <tr key={key} data-testid={`rule-row-${key}`}>
              <td>
                <Link to={paths.rule(app, key)} data-testid={`rule-open-${key}`}>
                  {pick(d?.title, locale, key)}
                </Link>
                {d?.type === 'trigger' && d.enabled === false && <span className="badge">{t('rules.off')}</span>}
              </td>
              <td>
                <code>{key}</code>
              </td>
              <td className="muted">
                {d?.type === 'table'
                  ? `${t('rules.typeTable')} · ${t(`rules.hitPolicies.${d.hitPolicy}`)}`
                  : d?.type === 'trigger'
                    ? `${t(eventKey(d.trigger?.event ?? ''))}${d.trigger && 'form' in d.trigger && d.trigger.form ? ` · ${d.trigger.form}` : ''}`
                    : '—'}
              </td>
              <td className="muted">{updatedAt ? new Date(updatedAt).toLocaleString(locale) : ''}</td>
              <td className="row-actions">
                <Link to={paths.rule(app, key)} className="btn btn-sm">
                  {t('common.open')}
                </Link>
                <button type="button" className="btn btn-sm btn-danger" onClick={() => void remove(key)} data-testid={`rule-delete-${key}`}>
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
