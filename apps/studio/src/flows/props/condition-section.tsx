import { useTranslation } from 'react-i18next';
import { BranchList } from './branch-list';
import { FlowPropField } from './flow-prop-field';

/** Condition node: its branches in order (the `default` handle takes the rest). */
export function ConditionSection() {
  const { t } = useTranslation();
  return (
    <section className="prop-section">
      <div className="prop-section-title">{t('flows.sections.branches')}</div>
      <FlowPropField name="branches" title="" component={BranchList} />
    </section>
  );
}
