import { useTranslation } from 'react-i18next';
import { endpoints } from '../api/endpoints';
import type { FormDraft } from '../api/types';
import { useDeleteDraft } from '../hooks/useDeleteDraft';
import { useLocale } from '../hooks/useLocale';
import { Link } from '../router/link';
import { paths } from '../router/routes';
import { ErrorText } from '../ui/error-text';
import { pick } from '../ui/localized';

interface Props {
  app: string;
  drafts: FormDraft[];
  loading: boolean;
  onChanged: () => void;
}

/** The app's form drafts: open in the designer, public link, delete. */
export function FormsTable({ app, drafts, loading, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { error, remove } = useDeleteDraft((key) => t('forms.confirmDelete', { key }), (key) => endpoints.deleteForm(app, key), onChanged);

  if (loading) return <div className="muted pad">{t('common.loading')}</div>;
  if (drafts.length === 0) return <div className="page-empty">{t('forms.empty')}</div>;
  return (
    <>
      <ErrorText error={error} />
      <table className="table">
        <thead>
          <tr>
            <th>{t('forms.name')}</th>
            <th>{t('forms.key')}</th>
            <th>{t('forms.fieldCount')}</th>
            <th>{t('forms.publicPage')}</th>
            <th>{t('forms.updatedAt')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {drafts.map(({ key, definition, updatedAt }) => (
            <tr key={key} data-testid={`form-row-${key}`}>
              <td>
                <Link to={paths.form(app, key)} data-testid={`form-open-${key}`}>
                  {pick(definition?.title, locale, key)}
                </Link>
              </td>
              <td>
                <code>{key}</code>
              </td>
              <td>{definition?.fields?.length ?? 0}</td>
              <td>
                {definition?.public?.enabled && definition.public.slug ? (
                  <a href={`/f/${encodeURIComponent(definition.public.slug)}`} target="_blank" rel="noreferrer" data-testid={`form-public-${key}`}>
                    /f/{definition.public.slug} ↗
                  </a>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="muted">{updatedAt ? new Date(updatedAt).toLocaleString(locale) : ''}</td>
              <td className="row-actions">
                <Link to={paths.form(app, key)} className="btn btn-sm">
                  {t('common.open')}
                </Link>
                <button type="button" className="btn btn-sm btn-danger" onClick={() => void remove(key)} data-testid={`form-delete-${key}`}>
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
