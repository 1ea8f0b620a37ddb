import { useShallow } from 'zustand/react/shallow';
import { useDesignerUi, type PublishResult } from '../store/ui-store';

type S = ReturnType<typeof useDesignerUi.getState>;
const selectSaveState = (s: S) => ({ busy: s.busy, result: s.result });

/** Whether a save / publish is running, and the outcome of the last one. */
export function useSaveState(): { busy: S['busy']; result: PublishResult | null } {
  return useDesignerUi(useShallow(selectSaveState));
}
