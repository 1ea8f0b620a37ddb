import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../hooks/useLocale';
import { Link } from '../router/link';
import { ErrorText } from './error-text';

/** A column of a draft list besides name, key and updated time. */
export interface DraftColumn<D> {
  header: string;
  className?: string;
  cell: (definition: D, key: string) => ReactNode;
}

interface Props<D> {
  drafts: { key: string; definition: D; updatedAt: string }[];
  loading: boolean;
  /** Shown when there is no draft. */
  empty: string;
  /** A delete failure (from `useDeleteDraft`). */
  error: unknown;
  /** Test-id prefix: rows are `<p>-row-<key>`, links `<p>-open-<key>`, buttons `<p>-delete-<key>`. */
  testId: string;
  headers: { name: string; key: string };
  href: (key: string) => string;
  /** The name link's text and what follows it (a badge). */
  name: (definition: D, key: string) => ReactNode;
  badge?: (definition: D) => ReactNode;
  columns: DraftColumn<D>[];
  onDelete: (key: string) => void;
}

/**
 * The list of an app's drafts of one kind (forms, rules, flows): name (opens the designer), key,
 * the kind's own columns, last update, open / delete.
 */
export function DraftTable<D>({ drafts, loading, empty, error, testId, headers, href, name, badge, columns, onDelete }: Props<D>) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (loading) return <div className="muted pad">{t('common.loading')}</div>;
  if (drafts.length === 0) return <div className="page-empty">{empty}</div>;
  return (
    <>
      <ErrorText error={error} />
      <table className="table">
        <thead>
          <tr>
            <th>{headers.name}</th>
            <th>{headers.key}</th>
            {columns.map((c) => (
              <th key={c.header}>{c.header}</th>
            ))}
            <th>{t('forms.updatedAt')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {drafts.map(({ key, definition, updatedAt }) => (
            <tr key={key} data-testid={`${testId}-row-${key}`}>
              <td>
                <Link to={href(key)} data-testid={`${testId}-open-${key}`}>
                  {name(definition, key)}
                </Link>
                {badge?.(definition)}
              </td>
              <td>
                <code>{key}</code>
              </td>
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(definition, key)}
                </td>
              ))}
              <td className="muted">{updatedAt ? new Date(updatedAt).toLocaleString(locale) : ''}</td>
              <td className="row-actions">
                <Link to={href(key)} className="btn btn-sm">
                  {t('common.open')}
                </Link>
                <button type="button" className="btn btn-sm btn-danger" onClick={() => onDelete(key)} data-testid={`${testId}-delete-${key}`}>
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
