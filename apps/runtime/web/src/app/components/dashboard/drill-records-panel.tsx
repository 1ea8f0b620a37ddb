import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, Locale } from '@kiln/engine-forms';
import { linkClick } from '../../../shared/router';
import { columnsOf, formatCell } from '../../lib/columns';
import type { DrillParam, ReportParams } from '../../lib/reports-api';
import { useDrillRecords } from '../../lib/use-drill-records';
import { useRelationLabels } from '../../lib/relation-labels';
import { ErrorNotice } from '../error-notice';

/** Fields shown in the narrow panel besides id and creation time; the record page shows the rest. */
const MAX_FIELDS = 6;

interface Props {
  app: string;
  report: string;
  params: ReportParams;
  drill: readonly DrillParam[];
  title: string;
  forms: Readonly<Record<string, FormDefinition>>;
  locale: Locale;
  onClose(): void;
}

/**
 * The records behind a clicked group, in a side panel (`drill-records`): one row per record
 * (`drill-records-row-<id>`, the id links to the record page), `drill-records-more` loads the
 * next 50, `drill-records-close` (or Esc) closes.
 */
export function DrillRecordsPanel({ app, report, params, drill, title, forms, locale, onClose }: Props) {
  const { t } = useTranslation();
  const page = useDrillRecords(app, report, params, drill);
  const def = page.form ? forms[page.form] : undefined;
  const columns = useMemo(() => {
    if (!def) return columnsOf([], locale, t);
    const fields = def.fields.filter((f) => f.type !== 'subtable').slice(0, MAX_FIELDS);
    return columnsOf(fields, locale, t);
  }, [def, locale, t]);
  const labels = useRelationLabels(app, def, page.items);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const href = (id: number) => `/app/${encodeURIComponent(app)}/${encodeURIComponent(page.form ?? '')}/${id}`;
  return (
    <div className="dash-panel-backdrop" onClick={onClose}>
      <aside className="dash-panel card" role="dialog" aria-modal="true" aria-label={title} data-testid="drill-records" onClick={(e) => e.stopPropagation()}>
        <header className="dash-panel-head">
          <h2 className="section-title">{t('drill.recordsTitle', { label: title })}</h2>
          <button type="button" className="btn btn-small" data-testid="drill-records-close" aria-label={t('drill.close')} onClick={onClose}>
            ×
          </button>
        </header>
        {page.error !== undefined && <ErrorNotice error={page.error} onRetry={page.retry} />}
        {page.items.length > 0 && (
          <div className="table-wrap dash-panel-body">
            <table className="records" data-testid="drill-records-table">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} className={c.numeric ? 'num' : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.items.map((r) => (
                  <tr key={r.id} data-testid={`drill-records-row-${r.id}`}>
                    {columns.map((c) => (
                      <td key={c.key} className={c.numeric ? 'num' : undefined}>
                        {c.key === 'id' && page.form ? (
                          <a href={href(r.id)} onClick={linkClick} title={t('drill.open', { id: r.id })}>
                            {r.id}
                          </a>
                        ) : (
                          formatCell(r[c.key], c, locale, t, labels.get(c.key))
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {!page.loading && page.error === undefined && page.items.length === 0 && <p className="muted empty">{t('drill.none')}</p>}
        <footer className="dash-panel-foot">
          <span className="muted small" data-testid="drill-records-count">
            {t('drill.count', { count: page.items.length })}
          </span>
          {page.loading && <span className="muted small">{t('common.loading')}</span>}
          {page.nextCursor && !page.loading && (
            <button type="button" className="btn btn-small" data-testid="drill-records-more" onClick={page.more}>
              {t('drill.more')}
            </button>
          )}
        </footer>
      </aside>
    </div>
  );
}
