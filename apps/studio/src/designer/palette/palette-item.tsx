import { useDraggable } from '@dnd-kit/core';
import type { FieldType } from '@kiln/engine-forms';
import { useLocale } from '../../hooks/useLocale';
import { FieldIcon } from '../canvas/field-icon';
import type { DndData } from '../canvas/dnd-data';
import { designer } from '../store/actions';
import { typeLabel } from './field-type-label';

/** One draggable field type; a plain click appends it (end of canvas or selected sub-table). */
export function PaletteItem({ type }: { type: FieldType }) {
  const locale = useLocale();
  const data: DndData = { kind: 'palette', type };
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id: `palette:${type}`, data });
  return (
    <button
      type="button"
      ref={setNodeRef}
      className={isDragging ? 'palette-item is-dragging' : 'palette-item'}
      data-testid={`palette-${type}`}
      onClick={() => designer.append(type, locale)}
      {...attributes}
      {...listeners}
    >
      <FieldIcon type={type} />
      <span>{typeLabel(type, locale)}</span>
    </button>
  );
}
