import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../shared/i18n';
import { flowText } from '../../lib/flow-text';
import type { NodeRef } from '../../lib/flow-types';
import { ActionDialog } from './action-dialog';

/** Return (退回): pick the earlier node to send the instance back to (`return-target-<node>`), with an optional comment. */
export function ReturnDialog({ busy, targets, onSubmit, onCancel }: { busy: boolean; targets: NodeRef[]; onSubmit(target: NodeRef, comment: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [target, setTarget] = useState<NodeRef | undefined>(targets.length === 1 ? targets[0] : undefined);
  const [comment, setComment] = useState('');
  return (
    <ActionDialog
      action="return"
      title={t('task.returnTitle')}
      submitText={t('task.return')}
      comment={comment}
      onComment={setComment}
      ready={target !== undefined}
      busy={busy}
      onSubmit={() => target && onSubmit(target, comment)}
      onCancel={onCancel}
    >
      <fieldset className="field-block choice-group">
        <legend className="field-label">{t('task.returnTo')}</legend>
        {targets.map((n) => (
          <label key={n.node} className="choice">
            <input type="radio" name="return-target" value={n.node} data-testid={`return-target-${n.node}`} checked={target?.node === n.node} onChange={() => setTarget(n)} />
            <span>{flowText(n.name, locale, n.node)}</span>
          </label>
        ))}
      </fieldset>
    </ActionDialog>
  );
}
