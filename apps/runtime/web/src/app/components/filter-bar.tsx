import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, regionProvinces, type FieldDefinition, type Locale } from '@kiln/engine-forms';
import { filterKind, type FilterState, type FilterValue } from '../lib/filters';

interface Props {
  fields: readonly FieldDefinition[];
  locale: Locale;
  value: FilterState;
  onApply(state: FilterState): void;
}

/**
 * One control per filterable field (`filter-<key>`, ranges `filter-<key>-min|max`, text
 * operator `filter-<key>-op`); `filter-apply` runs the query, `filter-clear` resets it.
 */
export function FilterBar({ fields, locale, value, onApply }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<FilterState>(value);
  const [open, setOpen] = useState(Object.keys(value).length > 0);
  const set = (key: string, patch: FilterValue) => setDraft((d) => ({ ...d, [key]: { ...d[key], ...patch } }));
  const filterable = fields.filter((f) => filterKind(f));
  if (!filterable.length) return null;

  const control = (f: FieldDefinition) => {
    const kind = filterKind(f);
    const v = draft[f.key] ?? {};
    const id = `filter-${f.key}`;
    switch (kind) {
      case 'text':
        return (
          <div className="filter-inline">
            <select className="input filter-op" data-testid={`${id}-op`} value={v.op ?? 'contains'} onChange={(e) => set(f.key, { op: e.target.value as FilterValue['op'] })}>
              <option value="contains">{t('records.contains')}</option>
              <option value="equals">{t('records.equals')}</option>
            </select>
            <input className="input" id={id} data-testid={id} value={v.value ?? ''} onChange={(e) => set(f.key, { value: e.target.value })} />
          </div>
        );
      case 'range':
      case 'money':
      case 'date':
      case 'datetime': {
        const type = kind === 'date' || kind === 'datetime' ? 'date' : 'text';
        const mode = kind === 'range' || kind === 'money' ? 'decimal' : undefined;
        return (
          <div className="filter-inline">
            <input className="input" type={type} inputMode={mode} id={id} data-testid={`${id}-min`} placeholder={t(type === 'date' ? 'records.from' : 'records.min')} aria-label={t(type === 'date' ? 'records.from' : 'records.min')} value={v.min ?? ''} onChange={(e) => set(f.key, { min: e.target.value })} />
            <span className="muted">–</span>
            <input className="input" type={type} inputMode={mode} data-testid={`${id}-max`} placeholder={t(type === 'date' ? 'records.to' : 'records.max')} aria-label={t(type === 'date' ? 'records.to' : 'records.max')} value={v.max ?? ''} onChange={(e) => set(f.key, { max: e.target.value })} />
          </div>
        );
      }
      case 'select':
        return (
          <select className="input" id={id} data-testid={id} value={v.value ?? ''} onChange={(e) => set(f.key, { value: e.target.value })}>
            <option value="">{t('records.any')}</option>
            {f.type === 'select' || f.type === 'multiselect'
              ? f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {localize(o.label, locale)}
                  </option>
                ))
              : null}
          </select>
        );
      case 'boolean':
        return (
          <select className="input" id={id} data-testid={id} value={v.value ?? ''} onChange={(e) => set(f.key, { value: e.target.value })}>
            <option value="">{t('records.any')}</option>
            <option value="true">{t('common.yes')}</option>
            <option value="false">{t('common.no')}</option>
          </select>
        );
      case 'region':
        return (
          <select className="input" id={id} data-testid={id} value={v.value ?? ''} onChange={(e) => set(f.key, { value: e.target.value })}>
            <option value="">{t('records.any')}</option>
            {regionProvinces().map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        );
      case 'id':
        return <input className="input" id={id} data-testid={id} inputMode="numeric" placeholder="#" value={v.value ?? ''} onChange={(e) => set(f.key, { value: e.target.value })} />;
      default:
        return null;
    }
  };

  return (
    <section className="filter-bar card">
      <button type="button" className="filter-toggle" data-testid="filter-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('records.filters')} {open ? '▴' : '▾'}
      </button>
      {open && (
        <form
          className="filter-form"
          onSubmit={(e) => {
            e.preventDefault();
            onApply(draft);
          }}
        >
          <div className="filter-grid">
            {filterable.map((f) => (
              <label key={f.key} className="filter-field" htmlFor={`filter-${f.key}`}>
                <span className="filter-label">{localize(f.label, locale)}</span>
                {control(f)}
              </label>
            ))}
          </div>
          <div className="filter-actions">
            <button type="submit" className="btn btn-primary" data-testid="filter-apply">
              {t('records.applyFilters')}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="filter-clear"
              onClick={() => {
                setDraft({});
                onApply({});
              }}
            >
              {t('records.clearFilters')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
