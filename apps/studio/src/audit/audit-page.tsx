import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { ErrorText } from '../ui/error-text';
import { AuditFiltersBar } from './filters/audit-filters';
import { useAuditSearch } from './hooks/useAuditSearch';
import './i18n/register';
import { NO_FILTERS, type AuditFilters } from './model/types';
import { AuditTable } from './table/audit-table';
import '../styles/users.css';
import './audit.css';

/**
 * `/audit` (admins): search the audit trail — who changed what, when, from where — by app,
 * actor, action, form, record, text and days; newest first, a page at a time ("load more"),
 * each entry expandable to its before / after values.
 */
export default function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const search = useAuditSearch(filters);
  if (isApiError(search.error, 403)) {
    return (
      <div className="page" data-testid="audit-page">
        <div className="page-empty">{t('audit.forbidden')}</div>
      </div>
    );
  }
  return (
    <div className="page audit-page" data-testid="audit-page" data-state={search.loading ? 'loading' : search.error ? 'error' : 'ok'}>
      <div className="page-head">
        <h1>{t('audit.title')}</h1>
      </div>
      <p className="muted audit-subtitle">{t('audit.subtitle')}</p>
      <section className="panel audit-panel">
        <AuditFiltersBar onApply={setFilters} />
      </section>
      <ErrorText error={search.error} />
      <section className="panel">
        {search.items.length > 0 && <AuditTable items={search.items} />}
        {!search.loading && !search.error && search.items.length === 0 && (
          <div className="page-empty" data-testid="audit-empty">
            {t('audit.empty')}
          </div>
        )}
        <div className="audit-foot">
          {search.loading && <span className="muted">{t('common.loading')}</span>}
          {!search.loading && search.more && (
            <button type="button" className="btn" onClick={search.loadMore} data-testid="audit-more">
              {t('audit.more')}
            </button>
          )}
          {!search.loading && !search.more && search.items.length > 0 && <span className="muted small" data-testid="audit-end">{t('audit.end', { count: search.items.length })}</span>}
        </div>
      </section>
    </div>
  );
}
