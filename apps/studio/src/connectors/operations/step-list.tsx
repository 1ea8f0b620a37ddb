import type { OperationDefinition } from '@kiln/engine-connectors';
import { useTranslation } from 'react-i18next';
import { addStep } from '../model/operation-ops';
import { connectorEdit } from '../store/edit';
import { StepCard } from './step-card';

/** The steps of an operation, in the order they run, and "add step". */
export function StepList({ opKey, op }: { opKey: string; op: OperationDefinition }) {
  const { t } = useTranslation();
  return (
    <section className="rule-card" data-testid="op-steps" data-count={op.steps.length}>
      <div className="rule-card-head">
        {t('connectors.steps.title')}
        <span className="rf-hint">{t('connectors.steps.hint')}</span>
      </div>
      <div className="rule-card-body">
        {op.steps.map((s, i) => (
          <StepCard key={i} opKey={opKey} op={op} index={i} step={s} />
        ))}
        <button type="button" className="btn btn-sm" onClick={() => connectorEdit.structural((d) => ({ ...d, operations: { ...d.operations, [opKey]: addStep(op) } }))} data-testid="step-add">
          + {t('connectors.steps.add')}
        </button>
      </div>
    </section>
  );
}
