import { useTranslation } from 'react-i18next';
import { diffRows, diffText } from '../model/diff';
import type { AuditItem } from '../model/types';

/** The before / after of an entry (`audit-diff-<id>`, rows `audit-diff-<id>-<field>`). */
export function DiffTable({ item }: { item: AuditItem }) {
  const { t } = useTranslation();
  const rows = diffRows(item);
  return (
    <div className="audit-diff" data-testid={`audit-diff-${item.id}`} data-count={rows.length}>
      {item.target && (
        <div className="muted small">
          {t('audit.target')}: <code>{item.target}</code>
        </div>
      )}
      {rows.length === 0 ? (
        <div className="muted small">{t('audit.noChanges')}</div>
      ) : (
        <table className="table audit-diff-table">
          <thead>
            <tr>
              <th>{t('audit.field')}</th>
              <th>{t('audit.before')}</th>
              <th>{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field || '_'} data-testid={`audit-diff-${item.id}-${r.field || '_'}`}>
                <td>
                  <code>{r.field || '—'}</code>
                </td>
                <td className="audit-before">
                  <pre>{diffText(r.before)}</pre>
                </td>
                <td className="audit-after">
                  <pre>{diffText(r.after)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
