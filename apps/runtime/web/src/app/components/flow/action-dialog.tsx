import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Which action (`data-action` of `task-dialog`: transfer, add-signer, return). */
  action: string;
  title: string;
  submitText: string;
  comment: string;
  onComment(comment: string): void;
  /** False until the dialog's own choice (a user, a node) is made. */
  ready: boolean;
  busy: boolean;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

/**
 * The modal of a task action that needs a choice before it runs (`task-dialog`): the choice
 * (children), a comment box (`task-dialog-comment`), `task-dialog-submit` and
 * `task-dialog-cancel`. Escape or a click outside cancels.
 */
export function ActionDialog({ action, title, submitText, comment, onComment, ready, busy, onSubmit, onCancel, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="modal-backdrop" onClick={busy ? undefined : onCancel} onKeyDown={(e) => e.key === 'Escape' && !busy && onCancel()}>
      <form
        className="modal modal-wide card"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid="task-dialog"
        data-action={action}
        onClick={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) onSubmit();
        }}
      >
        <h2 className="modal-title">{title}</h2>
        {children}
        <label className="field-block">
          <span className="field-label">{t('task.comment')}</span>
          <textarea className="input" rows={3} data-testid="task-dialog-comment" placeholder={t('task.commentPlaceholder')} value={comment} onChange={(e) => onComment(e.target.value)} />
        </label>
        <div className="modal-actions">
          <button type="button" className="btn" data-testid="task-dialog-cancel" disabled={busy} onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="task-dialog-submit" disabled={!ready || busy}>
            {submitText}
          </button>
        </div>
      </form>
    </div>
  );
}
