import { useDraggable } from '@dnd-kit/core';
import type { PaletteField as Field } from '../model/palette';
import type { ReportDndData } from '../wells/dnd-data';
import { ValueIcon } from './value-icon';

/** One draggable field of the palette (`palette-field-<path>`); drop it into a well. */
export function PaletteField({ field }: { field: Field }) {
  const data: ReportDndData = { kind: 'palette', path: field.path };
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id: `palette:${field.path}`, data });
  return (
    <button
      type="button"
      ref={setNodeRef}
      className={isDragging ? 'palette-item report-field is-dragging' : 'palette-item report-field'}
      title={field.path}
      data-testid={`palette-field-${field.path}`}
      data-value-type={field.valueType}
      {...attributes}
      {...listeners}
    >
      <ValueIcon valueType={field.valueType} />
      <span>{field.label}</span>
    </button>
  );
}
