import { useTranslation } from 'react-i18next';
import type { Locale } from '@kiln/engine-forms';
import { linkClick } from '../../shared/router';
import { formatCell, type Column } from '../lib/columns';
import type { RecordRow } from '../lib/records-api';
import type { RelationLabels } from '../lib/relation-labels';

interface Props {
  columns: Column[];
  rows: RecordRow[];
  locale: Locale;
  sort: string;
  labels: RelationLabels;
  editHref(id: number): string;
  onSort(sort: string): void;
  onDelete(id: number): void;
  /** The caller may edit records (else the row links to a read-only view). Default true. */
  canEdit?: boolean;
  /** The caller may delete records (else no delete button). Default true. */
  canDelete?: boolean;
}

/**
 * The record list (`records-table`): sortable headers (`sort-<key>`, `aria-sort`), one row per
 * record (`record-row-<id>`, cells `cell-<id>-<key>`) with edit (`record-edit-<id>`, or
 * `record-view-<id>` without the update grant) and delete (`record-delete-<id>`, only with the
 * delete grant) actions.
 */
export function RecordsTable({ columns, rows, locale, sort, labels, editHref, onSort, onDelete, canEdit = true, canDelete = true }: Props) {
  const { t } = useTranslation();
  const sortKey = sort.replace(/^-/, '');
  const desc = sort.startsWith('-');
  return (
    <div className="table-wrap card">
      <table className="records" data-testid="records-table">
        <thead>
          <tr>
            {columns.map((c) => {
              const active = c.key === sortKey;
              return (
                <th key={c.key} className={c.numeric ? 'num' : undefined} aria-sort={active ? (desc ? 'descending' : 'ascending') : undefined}>
                  {c.sortable ? (
                    <button
                      type="button"
                      className={`sort${active ? ' active' : ''}`}
                      data-testid={`sort-${c.key}`}
                      title={active ? t(desc ? 'records.sortDesc' : 'records.sortAsc') : undefined}
                      onClick={() => onSort(active && !desc ? `-${c.key}` : c.key)}
                    >
                      {c.label}
                      <span className="sort-mark" aria-hidden="true">{active ? (desc ? '▼' : '▲') : '↕'}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
            <th className="actions-col">{t('records.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`record-row-${r.id}`}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined} data-testid={`cell-${r.id}-${c.key}`}>
                  {c.key === 'id' ? (
                    <a href={editHref(r.id)} onClick={linkClick}>
                      {r.id}
                    </a>
                  ) : (
                    formatCell(r[c.key], c, locale, t, labels.get(c.key))
                  )}
                </td>
              ))}
              <td className="actions-col">
                <a className="btn btn-small" href={editHref(r.id)} onClick={linkClick} data-testid={canEdit ? `record-edit-${r.id}` : `record-view-${r.id}`}>
                  {canEdit ? t('records.edit') : t('access.view')}
                </a>
                {canDelete && (
                  <button type="button" className="btn btn-small btn-danger" data-testid={`record-delete-${r.id}`} onClick={() => onDelete(r.id)}>
                    {t('records.delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
