import { useMemo } from 'react';
import { useDesignerUi } from '../store/ui-store';
import { useDefinition } from './useDefinition';

const selectSaved = (s: { savedJson: string }) => s.savedJson;

/** True when the definition differs from the last saved / loaded one. */
export function useDirty(): boolean {
  const def = useDefinition();
  const saved = useDesignerUi(selectSaved);
  return useMemo(() => JSON.stringify(def) !== saved, [def, saved]);
}
