import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../shared/i18n';
import { flowText } from '../../lib/flow-text';
import type { Outcome, TaskActionResult, TaskDetail } from '../../lib/flow-types';
import { addSigner, commentTask, completeTask, returnTask, transferTask } from '../../lib/tasks-api';
import { AddSignerDialog } from './add-signer-dialog';
import { ReturnDialog } from './return-dialog';
import { TransferDialog } from './transfer-dialog';
import { userLabel } from './user-picker';

type Dialog = 'transfer' | 'add-signer' | 'return';

interface Props {
  detail: TaskDetail;
  /** The editable fields' values to send with approve / reject (undefined: nothing editable). */
  data(): Record<string, unknown> | undefined;
  /** An action succeeded (`result.task.status` says whether the task is still the user's to act on). */
  onActed(message: string, result: TaskActionResult): void;
  /** An action was refused or failed (the page shows it, and reloads on FLOW_TASK_NOT_OPEN). */
  onFailed(error: unknown): void;
}

/**
 * What the assignee can do with an open task: a comment box (`task-comment`) used by
 * `task-approve`, `task-reject` and `task-comment-send`, and `task-transfer`,
 * `task-add-signer`, `task-return` (each opening its dialog) when the node allows them.
 * Approve / reject show the node's own outcome labels when it has them.
 */
export function TaskActions({ detail, data, onActed, onFailed }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { task, allow, returnTargets } = detail;
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const node = flowText(task.nodeName, locale, task.node);
  const approveText = task.labels?.approve ? flowText(task.labels.approve, locale) : t('task.approve');
  const rejectText = task.labels?.reject ? flowText(task.labels.reject, locale) : t('task.reject');

  const run = async (call: () => Promise<TaskActionResult>, message: string) => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await call();
      setDialog(undefined);
      setComment('');
      onActed(message, result);
    } catch (e) {
      setDialog(undefined);
      onFailed(e);
    } finally {
      setBusy(false);
    }
  };
  // A node with its own outcome labels ("Contacted") says so; otherwise "Approved …" / "Rejected …".
  const doneText = (outcome: Outcome) => {
    const custom = outcome === 'approve' ? task.labels?.approve : task.labels?.reject;
    if (custom) return t('task.doneOutcome', { node, label: flowText(custom, locale) });
    return t(outcome === 'approve' ? 'task.doneApproved' : 'task.doneRejected', { node });
  };
  const complete = (outcome: Outcome) => void run(() => completeTask(task.id, outcome, comment, data()), doneText(outcome));

  return (
    <section className="task-actions" data-testid="task-actions">
      <label className="field-block">
        <span className="field-label">{t('task.comment')}</span>
        <textarea className="input" rows={3} data-testid="task-comment" placeholder={t('task.commentPlaceholder')} value={comment} disabled={busy} onChange={(e) => setComment(e.target.value)} />
      </label>
      <div className="task-buttons">
        <button type="button" className="btn btn-primary" data-testid="task-approve" disabled={busy} onClick={() => complete('approve')}>
          {approveText}
        </button>
        <button type="button" className="btn btn-danger" data-testid="task-reject" disabled={busy} onClick={() => complete('reject')}>
          {rejectText}
        </button>
        <span className="task-buttons-gap" />
        {allow.transfer && (
          <button type="button" className="btn" data-testid="task-transfer" disabled={busy} onClick={() => setDialog('transfer')}>
            {t('task.transfer')}
          </button>
        )}
        {allow.addSigner && (
          <button type="button" className="btn" data-testid="task-add-signer" disabled={busy} onClick={() => setDialog('add-signer')}>
            {t('task.addSigner')}
          </button>
        )}
        {allow.return && returnTargets.length > 0 && (
          <button type="button" className="btn" data-testid="task-return" disabled={busy} onClick={() => setDialog('return')}>
            {t('task.return')}
          </button>
        )}
        <button
          type="button"
          className="btn"
          data-testid="task-comment-send"
          disabled={busy || !comment.trim()}
          onClick={() => void run(() => commentTask(task.id, comment), t('task.commented'))}
        >
          {t('task.sendComment')}
        </button>
      </div>
      {dialog === 'transfer' && (
        <TransferDialog
          busy={busy}
          exclude={[task.assignee.id]}
          onCancel={() => setDialog(undefined)}
          onSubmit={(u, c) => void run(() => transferTask(task.id, u.id, c), t('task.doneTransferred', { node, user: userLabel(u) }))}
        />
      )}
      {dialog === 'add-signer' && (
        <AddSignerDialog
          busy={busy}
          exclude={[task.assignee.id]}
          onCancel={() => setDialog(undefined)}
          onSubmit={(u, position, c) =>
            void run(() => addSigner(task.id, u.id, position, c), t('task.doneSignerAdded', { node, user: userLabel(u), position: t(`task.position.${position}`) }))
          }
        />
      )}
      {dialog === 'return' && (
        <ReturnDialog
          busy={busy}
          targets={returnTargets}
          onCancel={() => setDialog(undefined)}
          onSubmit={(n, c) => void run(() => returnTask(task.id, n.node, c), t('task.doneReturned', { node, target: flowText(n.name, locale, n.node) }))}
        />
      )}
    </section>
  );
}
