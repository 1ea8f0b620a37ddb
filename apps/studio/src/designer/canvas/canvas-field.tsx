import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { FieldDefinition } from '@kiln/engine-forms';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { CopyIcon, TrashIcon } from '../../ui/icons';
import { pick } from '../../ui/localized';
import { useProblemFieldIds } from '../hooks/useProblemFieldIds';
import { useDropLineAt } from '../hooks/useDropLine';
import { useIsSelected } from '../hooks/useIsSelected';
import { isSubtable, type ContainerId } from '../model/containers';
import { typeLabel } from '../palette/field-type-label';
import { designer } from '../store/actions';
import { useDesignerUi } from '../store/ui-store';
import type { DndData } from './dnd-data';
import { FieldIcon } from './field-icon';
import { FieldMock } from './field-mock';
import { InsertLine } from './insert-line';
import { SubtableDrop } from './subtable-drop';

interface Props {
  field: FieldDefinition;
  container: ContainerId;
}

/** One field on the canvas: click selects, drag moves; sub-tables hold their own drop zone. */
export function CanvasField({ field, container }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const data: DndData = { kind: 'field', id: field.id, type: field.type, container };
  const drag = useDraggable({ id: field.id, data });
  const drop = useDroppable({ id: field.id, data });
  const selected = useIsSelected(field.id);
  const line = useDropLineAt(field.id);
  const problem = useProblemFieldIds().has(field.id);

  const setRef = (el: HTMLElement | null) => {
    drag.setNodeRef(el);
    drop.setNodeRef(el);
  };
  const select = (e: MouseEvent) => {
    e.stopPropagation();
    useDesignerUi.getState().select(field.id);
  };
  const act = (e: MouseEvent, fn: () => void) => {
    e.stopPropagation();
    fn();
  };
  const cls = ['cfield', selected && 'is-selected', problem && 'has-problem', drag.isDragging && 'is-dragging', isSubtable(field) && 'is-subtable']
    .filter(Boolean)
    .join(' ');

  return (
    <div
      ref={setRef}
      className={cls}
      data-testid={`canvas-field-${field.key}`}
      data-field-id={field.id}
      data-drop-field={field.id}
      data-drop-in={container ?? ''}
      data-selected={selected || undefined}
      onClick={select}
      {...drag.attributes}
      {...drag.listeners}
      role="button"
      tabIndex={0}
    >
      {line === 'before' && <InsertLine />}
      <div className="cfield-head">
        <FieldIcon type={field.type} />
        <span className="cfield-label">
          {pick(field.label, locale, field.key)}
          {field.required && <span className="req">*</span>}
        </span>
        <code className="cfield-key">{field.key}</code>
        <span className="cfield-type">{typeLabel(field.type, locale)}</span>
        {field.unique && <span className="badge">{t('props.unique')}</span>}
        <span className="cfield-actions">
          <button type="button" title={t('designer.duplicate')} data-testid={`field-duplicate-${field.key}`} onClick={(e) => act(e, () => designer.duplicate(field.id))}>
            <CopyIcon />
          </button>
          <button type="button" title={t('common.delete')} data-testid={`field-delete-${field.key}`} onClick={(e) => act(e, () => designer.remove(field.id))}>
            <TrashIcon />
          </button>
        </span>
      </div>
      {isSubtable(field) ? <SubtableDrop field={field} /> : <FieldMock field={field} />}
      {line === 'after' && <InsertLine />}
    </div>
  );
}
