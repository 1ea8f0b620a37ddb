import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { addLeaveGuard } from '../../router/history';

/** Asks before leaving (in-app navigation or closing the tab) while there are unsaved changes. */
export function useUnsavedGuard(dirty: boolean): void {
  const { t } = useTranslation();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const remove = addLeaveGuard(() => !dirtyRef.current || window.confirm(t('designer.confirmLeave')));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      remove();
    };
  }, [t]);
}
