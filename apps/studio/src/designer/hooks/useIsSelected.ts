import { useDesignerUi } from '../store/ui-store';

const selectSelectedId = (s: { selectedId: string | null }) => s.selectedId;

/** True when the field with this id is selected. */
export function useIsSelected(id: string): boolean {
  return useDesignerUi(selectSelectedId) === id;
}
