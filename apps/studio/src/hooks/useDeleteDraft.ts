import { useState } from 'react';
import { confirmAction } from '../ui/confirm';

/**
 * Delete-with-confirmation for a list of drafts (forms, rules): asks with `question(key)`, calls
 * `del(key)`, then `onChanged()`; a failure is kept in `error` for an `<ErrorText>`.
 */
export function useDeleteDraft(question: (key: string) => string, del: (key: string) => Promise<unknown>, onChanged: () => void) {
  const [error, setError] = useState<unknown>();
  const remove = async (key: string) => {
    if (!(await confirmAction(question(key), { danger: true }))) return;
    try {
      await del(key);
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  return { error, remove };
}
