import { useTranslation } from 'react-i18next';
import { TitleInputs } from '../common/title-inputs';
import { useTableRule } from '../hooks/useTableRule';
import { TraceSelect } from '../trigger/rule-settings';
import { HitPolicyPicker } from './hit-policy-picker';
import { InputColumns } from './input-columns';
import { OutputColumns } from './output-columns';
import { RowsGrid } from './rows-grid';

/** The decision-table editor: title and hit policy · columns · rows. */
export function TableEditor() {
  const { t } = useTranslation();
  const table = useTableRule();
  return (
    <div className="rule-main" data-testid="table-editor">
      <section className="rule-card">
        <header className="rule-card-head">{t('rules.settings')}</header>
        <div className="rule-grid">
          <TitleInputs />
          <HitPolicyPicker />
          <TraceSelect value={table.trace} />
        </div>
      </section>
      <section className="rule-card">
        <header className="rule-card-head">{t('rules.tableColumns')}</header>
        <div className="columns-pair">
          <InputColumns />
          <OutputColumns />
        </div>
      </section>
      <RowsGrid />
    </div>
  );
}
