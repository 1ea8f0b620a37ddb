import { useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useDefinition } from '../hooks/useDefinition';
import { useDropAtEnd } from '../hooks/useDropLine';
import { useDesignerUi } from '../store/ui-store';
import { CanvasField } from './canvas-field';
import { containerDropId, type DndData } from './dnd-data';
import { InsertLine } from './insert-line';

const rootData: DndData = { kind: 'container', container: null };

/** The form being designed: root fields in order; the whole area is a drop zone. */
export function Canvas() {
  const { t } = useTranslation();
  const locale = useLocale();
  const def = useDefinition();
  const { setNodeRef } = useDroppable({ id: containerDropId(null), data: rootData });
  const endLine = useDropAtEnd(null);
  return (
    <section className="canvas-wrap" onClick={() => useDesignerUi.getState().select(null)}>
      <div className="canvas" ref={setNodeRef} data-testid="canvas" data-drop-zone="">
        <div className="canvas-title">{pick(def.title, locale, def.key)}</div>
        {def.fields.length === 0 && <div className="canvas-empty">{t('designer.canvasEmpty')}</div>}
        {def.fields.map((f) => (
          <CanvasField key={f.id} field={f} container={null} />
        ))}
        {endLine && <InsertLine />}
      </div>
    </section>
  );
}
