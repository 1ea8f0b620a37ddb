import { ActionList } from './action-list';
import { ConditionSection } from './condition-section';
import { RuleSettings } from './rule-settings';
import { TriggerSection } from './trigger-section';

/** The trigger rule editor: settings · when (trigger) · if (condition) · then (actions). */
export function TriggerEditor() {
  return (
    <div className="rule-main" data-testid="trigger-editor">
      <RuleSettings />
      <TriggerSection />
      <ConditionSection />
      <ActionList />
    </div>
  );
}
