import { useMemo } from 'react';
import { locateField, type FieldLocation } from '../model/containers';
import { useDesignerUi } from '../store/ui-store';
import { useDefinition } from './useDefinition';

const selectSelectedId = (s: { selectedId: string | null }) => s.selectedId;

/** The selected field with its container, or null. */
export function useSelectedField(): FieldLocation | null {
  const def = useDefinition();
  const id = useDesignerUi(selectSelectedId);
  return useMemo(() => (id ? locateField(def, id) : null), [def, id]);
}
