import { fieldLabel } from '../model/chip-text';
import { usePalette } from '../hooks/usePalette';
import { useChipText } from '../hooks/useChipText';
import type { ReportDndData } from './dnd-data';

/** The small card that follows the pointer while a field or chip is dragged. */
export function DragLabel({ item }: { item: Exclude<ReportDndData, { kind: 'well' }> }) {
  const palette = usePalette();
  const chip = useChipText(item.kind === 'chip' ? item.well : 'dimensions', item.kind === 'chip' ? item.id : '');
  return <div className="drag-chip">{item.kind === 'palette' ? fieldLabel(palette, item.path) : chip}</div>;
}
