import { useDroppable } from '@dnd-kit/core';
import type { SubtableField } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { useDropAtEnd } from '../hooks/useDropLine';
import { CanvasField } from './canvas-field';
import { containerDropId, type DndData } from './dnd-data';
import { InsertLine } from './insert-line';

/** The inside of a sub-table: its column fields, and a zone to drop new ones into. */
export function SubtableDrop({ field }: { field: SubtableField }) {
  const { t } = useTranslation();
  const data: DndData = { kind: 'container', container: field.id };
  const { setNodeRef, isOver } = useDroppable({ id: containerDropId(field.id), data });
  const endLine = useDropAtEnd(field.id);
  const children = field.fields ?? [];
  return (
    <div ref={setNodeRef} className={isOver ? 'subtable-drop is-over' : 'subtable-drop'} data-testid={`subtable-drop-${field.key}`} data-drop-zone={field.id}>
      {children.map((c) => (
        <CanvasField key={c.id} field={c} container={field.id} />
      ))}
      {endLine && <InsertLine />}
      <div className="subtable-hint">{children.length === 0 ? t('designer.subtableEmpty') : t('designer.subtableMore')}</div>
    </div>
  );
}
