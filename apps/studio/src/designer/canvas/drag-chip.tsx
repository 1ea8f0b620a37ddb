import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useDefinition } from '../hooks/useDefinition';
import { locateField } from '../model/containers';
import { typeLabel } from '../palette/field-type-label';
import type { DragItem } from './drag-store';
import { FieldIcon } from './field-icon';

/** The small card that follows the pointer while dragging. */
export function DragChip({ item }: { item: DragItem }) {
  const locale = useLocale();
  const def = useDefinition();
  const label =
    item.kind === 'palette'
      ? typeLabel(item.type, locale)
      : pick(locateField(def, item.id)?.field.label, locale, typeLabel(item.type, locale));
  return (
    <div className="drag-chip">
      <FieldIcon type={item.type} />
      <span>{label}</span>
    </div>
  );
}
