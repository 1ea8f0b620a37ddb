import { useTranslation } from 'react-i18next';
import { useRule } from '../hooks/useRule';
import { ruleEdit } from '../store/edit';
import { Labeled } from './labeled';

/** The rule's title in both languages (`rule-title-zh`, `rule-title-en`). */
export function TitleInputs() {
  const { t } = useTranslation();
  const rule = useRule();
  const set = (lang: 'zh-CN' | 'en', v: string) => ruleEdit.rule((r) => ({ ...r, title: { ...r.title, [lang]: v } }), `/title/${lang}`);
  return (
    <>
      <Labeled label={t('rules.titleZh')} path="/title">
        <input className="input" value={rule.title?.['zh-CN'] ?? ''} onChange={(e) => set('zh-CN', e.target.value)} data-testid="rule-title-zh" data-path="/title" />
      </Labeled>
      <Labeled label={t('rules.titleEn')}>
        <input className="input" value={rule.title?.en ?? ''} onChange={(e) => set('en', e.target.value)} data-testid="rule-title-en" />
      </Labeled>
    </>
  );
}
