import type { FormDefinition } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { ProblemsAt } from '../common/problems-at';
import { useAppForms } from '../hooks/useAppForms';
import { useRole } from '../hooks/useRole';
import { setPortal, setSelf, type SelfDraft } from '../model/holder-ops';
import { SELF_ATTRS, type SelfAttr } from '../model/types';
import { policyFields } from '../policy/tree-fields';
import { roleEdit } from '../store/edit';

/** A first guess for `self`: a form with a phone field, matched on the user's phone. */
function defaultSelf(forms: Record<string, FormDefinition>, keys: readonly string[]): SelfDraft {
  for (const k of keys) {
    const phone = forms[k]?.fields.find((f) => f.type === 'phone');
    if (phone) return { form: k, field: phone.key, userAttr: 'phone' };
  }
  const form = keys[0] ?? '';
  return { form, field: policyFields(forms[form])[0]?.key ?? '', userAttr: 'phone' };
}

/**
 * `$user.record` — how the member's own record is found (`role-self-on`, `role-self-form`,
 * `role-self-field`, `role-self-attr`) — and the portal the holders land in (`role-portal`).
 */
export function SelfSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const role = useRole();
  const { forms, formKeys } = useAppForms();
  const self = role.self;
  const update = (patch: Partial<SelfDraft>) => {
    if (!self) return;
    const next = { ...self, ...patch };
    if (patch.form !== undefined && patch.form !== self.form) next.field = policyFields(forms[patch.form])[0]?.key ?? '';
    roleEdit.structural((d) => setSelf(d, next));
  };
  return (
    <section className="role-card" data-testid="role-self" data-path="/self">
      <div className="role-card-title">{t('roles.self.title')}</div>
      <p className="hint role-card-hint">{t('roles.self.hint')}</p>
      <label className="role-check">
        <input
          type="checkbox" checked={!!self} data-testid="role-self-on"
          onChange={(e) => roleEdit.structural((d) => setSelf(d, e.target.checked ? defaultSelf(forms, formKeys) : null))}
        />
        {t('roles.self.on')}
      </label>
      {self && (
        <div className="role-self-row">
          <label className="role-field">
            <span className="role-field-label">{t('roles.self.form')}</span>
            <select className="input" value={self.form} onChange={(e) => update({ form: e.target.value })} data-testid="role-self-form">
              {!formKeys.includes(self.form) && <option value={self.form}>{self.form || t('roles.pickForm')}</option>}
              {formKeys.map((k) => (
                <option key={k} value={k}>
                  {pick(forms[k]?.title, locale, k)} ({k})
                </option>
              ))}
            </select>
          </label>
          <label className="role-field">
            <span className="role-field-label">{t('roles.self.field')}</span>
            <select className="input" value={self.field} onChange={(e) => update({ field: e.target.value })} data-testid="role-self-field">
              {!policyFields(forms[self.form]).some((f) => f.key === self.field) && <option value={self.field}>{self.field || t('roles.pickField')}</option>}
              {policyFields(forms[self.form]).map((f) => (
                <option key={f.key} value={f.key}>
                  {pick(f.label, locale, f.key)} ({f.key})
                </option>
              ))}
            </select>
          </label>
          <span className="role-self-eq">=</span>
          <label className="role-field">
            <span className="role-field-label">{t('roles.self.userAttr')}</span>
            <select className="input" value={self.userAttr} onChange={(e) => update({ userAttr: e.target.value as SelfAttr })} data-testid="role-self-attr">
              {SELF_ATTRS.map((a) => (
                <option key={a} value={a}>
                  {t(`roles.self.attrs.${a}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <ProblemsAt path="/self" within />
      <label className="role-field role-portal" data-path="/portal">
        <span className="role-field-label">{t('roles.portal.title')}</span>
        <select
          className="input" value={role.portal ?? ''} data-testid="role-portal"
          onChange={(e) => roleEdit.structural((d) => setPortal(d, e.target.value === 'promoter' ? 'promoter' : undefined))}
        >
          <option value="">{t('roles.portal.none')}</option>
          <option value="promoter">{t('roles.portal.promoter')}</option>
        </select>
        <small className="hint">{t('roles.portal.hint')}</small>
      </label>
      <ProblemsAt path="/portal" />
    </section>
  );
}
