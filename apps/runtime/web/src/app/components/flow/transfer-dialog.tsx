import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from './action-dialog';
import { UserPicker, type FoundUser } from './user-picker';

/** Transfer: pick the user who takes the task over, with an optional comment. */
export function TransferDialog({ busy, exclude, onSubmit, onCancel }: { busy: boolean; exclude: number[]; onSubmit(user: FoundUser, comment: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [user, setUser] = useState<FoundUser | undefined>();
  const [comment, setComment] = useState('');
  return (
    <ActionDialog
      action="transfer"
      title={t('task.transferTitle')}
      submitText={t('task.transfer')}
      comment={comment}
      onComment={setComment}
      ready={user !== undefined}
      busy={busy}
      onSubmit={() => user && onSubmit(user, comment)}
      onCancel={onCancel}
    >
      <div className="field-block">
        <span className="field-label">{t('task.transferTo')}</span>
        <UserPicker value={user} onChange={setUser} exclude={exclude} />
      </div>
    </ActionDialog>
  );
}
