import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../confirm-dialog';
import { withdrawInstance } from '../../lib/instances-api';
import type { InstanceView } from '../../lib/flow-types';

/**
 * Withdraw (撤回) a submission: `withdraw` opens the confirmation (`confirm-dialog`,
 * `confirm-ok`), then calls the API. Success and failure go to the caller, which reloads.
 */
export function WithdrawButton({ instance, onDone, onFailed }: { instance: InstanceView; onDone(i: InstanceView): void; onFailed(e: unknown): void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      onDone(await withdrawInstance(instance.id));
    } catch (e) {
      onFailed(e);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-danger"
        data-testid="withdraw"
        onClick={(e) => {
          e.stopPropagation();
          setAsking(true);
        }}
      >
        {t('submissions.withdraw')}
      </button>
      {asking && (
        <ConfirmDialog message={t('submissions.confirmWithdraw', { title: instance.recordTitle || `#${instance.id}` })} confirmText={t('submissions.withdraw')} busy={busy} onConfirm={() => void confirm()} onCancel={() => setAsking(false)} />
      )}
    </>
  );
}
