import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from './action-dialog';
import { UserPicker, type FoundUser } from './user-picker';

/** Where an added signer acts relative to this task. */
export type SignerPosition = 'before' | 'after';

/**
 * Add signer (加签): pick a user and whether they sign before this task (it waits for them) or
 * after it (`signer-position-before|after`), with an optional comment.
 */
export function AddSignerDialog({ busy, exclude, onSubmit, onCancel }: { busy: boolean; exclude: number[]; onSubmit(user: FoundUser, position: SignerPosition, comment: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [user, setUser] = useState<FoundUser | undefined>();
  const [position, setPosition] = useState<SignerPosition>('before');
  const [comment, setComment] = useState('');
  return (
    <ActionDialog
      action="add-signer"
      title={t('task.addSignerTitle')}
      submitText={t('task.addSigner')}
      comment={comment}
      onComment={setComment}
      ready={user !== undefined}
      busy={busy}
      onSubmit={() => user && onSubmit(user, position, comment)}
      onCancel={onCancel}
    >
      <div className="field-block">
        <span className="field-label">{t('task.signer')}</span>
        <UserPicker value={user} onChange={setUser} exclude={exclude} />
      </div>
      <fieldset className="field-block choice-group">
        <legend className="field-label">{t('task.signerPosition')}</legend>
        {(['before', 'after'] as const).map((p) => (
          <label key={p} className="choice">
            <input type="radio" name="signer-position" value={p} data-testid={`signer-position-${p}`} checked={position === p} onChange={() => setPosition(p)} />
            <span>
              {t(`task.position.${p}`)} <span className="muted small">{t(`task.positionHint.${p}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </ActionDialog>
  );
}
