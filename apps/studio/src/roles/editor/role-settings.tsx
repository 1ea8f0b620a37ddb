import { FormProvider } from '@formily/react';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../designer/props/connected';
import { PropField } from '../../designer/props/prop-field';
import { usePanelForm } from '../../reports/hooks/usePanelForm';
import { applyValue, localized, toValues, type Accessors } from '../../reports/model/accessors';
import { useRole } from '../hooks/useRole';
import { ProblemsAt } from '../common/problems-at';
import type { RoleDefinition } from '../model/types';
import { roleEdit } from '../store/edit';

/** The settings panel's properties (formily field names = test ids `prop-<name>`). */
const SETTINGS: Accessors<RoleDefinition> = {
  'name-zh': localized<RoleDefinition>('name', 'zh-CN', true),
  'name-en': localized<RoleDefinition>('name', 'en', true),
  'description-zh': localized<RoleDefinition>('description', 'zh-CN'),
  'description-en': localized<RoleDefinition>('description', 'en'),
};

/**
 * The role's names and description in both languages, as a formily panel like the other
 * designers' settings. Seeded once per mount; the editor re-keys it after undo / redo.
 */
export function RoleSettings() {
  const { t } = useTranslation();
  const role = useRole();
  const form = usePanelForm(toValues(role, SETTINGS), (name, value) => roleEdit.update((r) => applyValue(r, SETTINGS, name, value), `settings:${name}`));
  return (
    <FormProvider form={form}>
      <section className="role-card" data-testid="role-settings" data-path="/name">
        <div className="role-card-title">{t('roles.settings.title')}</div>
        <div className="role-grid-2">
          <PropField name="name-zh" title={t('roles.nameZh')} component={TextInput} />
          <PropField name="name-en" title={t('roles.nameEn')} component={TextInput} />
          <PropField name="description-zh" title={t('roles.settings.descriptionZh')} component={TextInput} />
          <PropField name="description-en" title={t('roles.settings.descriptionEn')} component={TextInput} />
        </div>
        <ProblemsAt path="/name" />
        <ProblemsAt path="/description" within />
      </section>
    </FormProvider>
  );
}
