import { FIELD_TYPE_INFO, type FormDefinition, type PublicFormSettings } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useDefinition } from '../hooks/useDefinition';
import { designer } from '../store/actions';
import { SettingsInput } from './settings-input';

const slugOf = (key: string) => key.replace(/_/g, '-').toLowerCase();

function patchPublic(d: FormDefinition, p: Partial<PublicFormSettings>): FormDefinition {
  const base: PublicFormSettings = d.public ?? { enabled: false, slug: slugOf(d.key) };
  const next: PublicFormSettings = { ...base, ...p };
  for (const k of Object.keys(next) as (keyof PublicFormSettings)[]) if (next[k] === undefined) delete next[k];
  return { ...d, public: next };
}

/** Form-level settings: title, key, and the public page (slug, de-duplication, rate limit, success message). */
export function SettingsPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const def = useDefinition();
  const pub = def.public;
  const enabled = !!pub?.enabled;
  const scalarFields = def.fields.filter((f) => FIELD_TYPE_INFO[f.type]?.scalar && !(f.type === 'relation' && f.many));
  const dedupe = pub?.dedupe ?? [];

  const upd = (fn: (d: FormDefinition) => FormDefinition, group?: string) => designer.updateForm(fn, group && `form:${group}`);

  return (
    <div className="settings-panel" data-testid="settings-panel">
      <section className="prop-section">
        <div className="prop-section-title">{t('settings.form')}</div>
        <div className="prop-grid">
          <SettingsInput label={t('settings.titleZh')} testId="settings-title-zh" value={def.title['zh-CN']} onChange={(v) => upd((d) => ({ ...d, title: { ...d.title, 'zh-CN': v } }), 'title-zh')} />
          <SettingsInput label={t('settings.titleEn')} testId="settings-title-en" value={def.title.en} onChange={(v) => upd((d) => ({ ...d, title: { ...d.title, en: v } }), 'title-en')} />
          <SettingsInput label={t('settings.key')} hint={t('settings.keyHint')} testId="settings-key" value={def.key} onChange={(v) => upd((d) => ({ ...d, key: v.trim() }), 'key')} />
        </div>
      </section>
      <section className="prop-section">
        <div className="prop-section-title">{t('settings.publicPage')}</div>
        <label className="check">
          <input
            type="checkbox"
            checked={enabled}
            data-testid="settings-public"
            onChange={(e) => upd((d) => patchPublic(d, { enabled: e.target.checked }))}
          />
          {t('settings.publicEnabled')}
        </label>
        {pub && (
          <div className={enabled ? 'prop-grid' : 'prop-grid is-disabled'}>
            <SettingsInput
              label={t('settings.slug')}
              hint={pub.slug ? `/f/${pub.slug}` : undefined}
              testId="settings-slug"
              value={pub.slug}
              onChange={(v) => upd((d) => patchPublic(d, { slug: v.trim() }), 'slug')}
            />
            {enabled && pub.slug && (
              <a className="small" href={`/f/${encodeURIComponent(pub.slug)}`} target="_blank" rel="noreferrer" data-testid="settings-public-link">
                {t('settings.openPublic')} ↗
              </a>
            )}
            <div className="prop-item">
              <div className="prop-label">{t('settings.dedupe')}</div>
              <div className="check-list" data-testid="settings-dedupe">
                {scalarFields.length === 0 && <span className="muted small">{t('settings.noScalarFields')}</span>}
                {scalarFields.map((f) => (
                  <label key={f.id} className="check">
                    <input
                      type="checkbox"
                      checked={dedupe.includes(f.key)}
                      data-testid={`settings-dedupe-${f.key}`}
                      onChange={(e) =>
                        upd((d) => {
                          const cur = d.public?.dedupe ?? [];
                          const next = e.target.checked ? [...cur, f.key] : cur.filter((k) => k !== f.key);
                          return patchPublic(d, { dedupe: next.length ? next : undefined });
                        })
                      }
                    />
                    {pick(f.label, locale, f.key)} <code className="muted-code">{f.key}</code>
                  </label>
                ))}
              </div>
              <div className="prop-hint">{t('settings.dedupeHint')}</div>
            </div>
            <RateLimit def={def} onChange={(rl) => upd((d) => patchPublic(d, { rateLimit: rl }), 'rate')} />
            <SettingsInput
              label={t('settings.successZh')}
              testId="settings-success-zh"
              value={pub.successMessage?.['zh-CN'] ?? ''}
              onChange={(v) => upd((d) => patchPublic(d, { successMessage: successOf(d, 'zh-CN', v) }), 'success-zh')}
            />
            <SettingsInput
              label={t('settings.successEn')}
              testId="settings-success-en"
              value={pub.successMessage?.en ?? ''}
              onChange={(v) => upd((d) => patchPublic(d, { successMessage: successOf(d, 'en', v) }), 'success-en')}
            />
          </div>
        )}
      </section>
    </div>
  );
}

function successOf(d: FormDefinition, lang: 'zh-CN' | 'en', v: string) {
  const cur = { 'zh-CN': '', en: '', ...d.public?.successMessage, [lang]: v };
  return cur['zh-CN'] || cur.en ? cur : undefined;
}

function RateLimit({ def, onChange }: { def: FormDefinition; onChange: (rl: PublicFormSettings['rateLimit']) => void }) {
  const { t } = useTranslation();
  const rl = def.public?.rateLimit;
  const num = (s: string) => (s === '' ? undefined : Math.max(1, Math.floor(Number(s))));
  const set = (max: number | undefined, per: number | undefined) =>
    onChange(max === undefined && per === undefined ? undefined : { max: max ?? 10, perSeconds: per ?? 60 });
  return (
    <div className="prop-item">
      <div className="prop-label">{t('settings.rateLimit')}</div>
      <div className="inline-inputs">
        <input className="input" type="number" min={1} value={rl?.max ?? ''} data-testid="settings-rate-max" onChange={(e) => set(num(e.target.value), rl?.perSeconds)} />
        <span>{t('settings.per')}</span>
        <input className="input" type="number" min={1} value={rl?.perSeconds ?? ''} data-testid="settings-rate-seconds" onChange={(e) => set(rl?.max, num(e.target.value))} />
        <span>{t('settings.seconds')}</span>
      </div>
    </div>
  );
}
