import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { UserHit } from '../../api/types';
import { useAsync } from '../../hooks/useAsync';
import { useLocale } from '../../hooks/useLocale';
import { UserSearch } from '../../roles/common/user-search';
import { pick } from '../../ui/localized';
import { AUDIT_ACTIONS, NO_FILTERS, type AuditFilters } from '../model/types';

/**
 * The audit search's filters (`audit-filters`), applied with "Search" (`audit-search`) or
 * cleared with "Reset" (`audit-reset`): app (`audit-filter-app`), actor (`audit-filter-actor`, a
 * user search), action (`audit-filter-action`), form (`audit-filter-form`, the chosen app's
 * forms suggested), record id (`audit-filter-record`), text (`audit-filter-q`), days
 * `audit-filter-from` / `audit-filter-to`.
 */
export function AuditFiltersBar({ onApply }: { onApply: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [f, setF] = useState<AuditFilters>(NO_FILTERS);
  const [actor, setActor] = useState<UserHit | null>(null);
  const apps = useAsync(() => endpoints.listApps(), []);
  const forms = useAsync(() => (f.app ? endpoints.listForms(f.app) : Promise.resolve({ items: [] })), [f.app]);
  const set = (patch: Partial<AuditFilters>) => setF((cur) => ({ ...cur, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...f, actor: actor?.id ?? null });
  };
  const reset = () => {
    setF(NO_FILTERS);
    setActor(null);
    onApply(NO_FILTERS);
  };
  return (
    <form className="audit-filters" onSubmit={submit} data-testid="audit-filters">
      <label className="audit-filter">
        <span>{t('audit.filters.app')}</span>
        <select className="input" value={f.app} onChange={(e) => set({ app: e.target.value, form: '' })} data-testid="audit-filter-app">
          <option value="">{t('audit.filters.any')}</option>
          {(apps.data?.items ?? []).map((a) => (
            <option key={a.key} value={a.key}>
              {pick(a.name, locale, a.key)} ({a.key})
            </option>
          ))}
        </select>
      </label>
      <div className="audit-filter audit-filter-wide">
        <span>{t('audit.filters.actor')}</span>
        <UserSearch value={actor} onChange={setActor} testId="audit-filter-actor" placeholder={t('audit.filters.actorPlaceholder')} />
      </div>
      <label className="audit-filter">
        <span>{t('audit.filters.action')}</span>
        <select className="input" value={f.action} onChange={(e) => set({ action: e.target.value })} data-testid="audit-filter-action">
          <option value="">{t('audit.filters.any')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`audit.actions.${a.replace('.', '_')}`)} ({a})
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filter">
        <span>{t('audit.filters.form')}</span>
        <input className="input" list="audit-forms" value={f.form} onChange={(e) => set({ form: e.target.value })} placeholder="orders" data-testid="audit-filter-form" />
        <datalist id="audit-forms">
          {(forms.data?.items ?? []).map((x) => (
            <option key={x.key} value={x.key}>
              {pick(x.definition?.title, locale, x.key)}
            </option>
          ))}
        </datalist>
      </label>
      <label className="audit-filter audit-filter-narrow">
        <span>{t('audit.filters.record')}</span>
        <input className="input" inputMode="numeric" value={f.record} onChange={(e) => set({ record: e.target.value.replace(/\D/g, '') })} data-testid="audit-filter-record" />
      </label>
      <label className="audit-filter audit-filter-wide">
        <span>{t('audit.filters.q')}</span>
        <input className="input" type="search" value={f.q} onChange={(e) => set({ q: e.target.value })} placeholder={t('audit.filters.qPlaceholder')} data-testid="audit-filter-q" />
      </label>
      <label className="audit-filter audit-filter-narrow">
        <span>{t('audit.filters.from')}</span>
        <input className="input" type="date" value={f.from} max={f.to || undefined} onChange={(e) => set({ from: e.target.value })} data-testid="audit-filter-from" />
      </label>
      <label className="audit-filter audit-filter-narrow">
        <span>{t('audit.filters.to')}</span>
        <input className="input" type="date" value={f.to} min={f.from || undefined} onChange={(e) => set({ to: e.target.value })} data-testid="audit-filter-to" />
      </label>
      <div className="audit-filter-buttons">
        <button type="submit" className="btn btn-primary" data-testid="audit-search">
          {t('audit.search')}
        </button>
        <button type="button" className="btn" onClick={reset} data-testid="audit-reset">
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}
