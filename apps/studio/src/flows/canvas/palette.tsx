import { useTranslation } from 'react-i18next';
import { PALETTE_TYPES } from '../model/constants';
import { flowEdit } from '../store/edit';
import { startNodeDrag } from './dnd';
import { NodeIcon } from './node-icon';

/**
 * The node palette: drag a type onto the canvas (dropped where released), or click it to add
 * the node after the selected one (connected from its first free handle, or spliced into the
 * edge of its first handle).
 */
export function FlowPalette() {
  const { t } = useTranslation();
  return (
    <aside className="flow-palette" data-testid="flow-palette">
      <div className="pane-title">{t('flows.palette')}</div>
      <div className="flow-palette-list">
        {PALETTE_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className="flow-palette-item"
            draggable
            onDragStart={(e) => startNodeDrag(e, type)}
            onClick={() => flowEdit.append(type)}
            title={t(`flows.typeHints.${type}`)}
            data-testid={`flow-palette-${type}`}
          >
            <NodeIcon type={type} />
            <span>{t(`flows.types.${type}`)}</span>
          </button>
        ))}
      </div>
      <p className="palette-hint">{t('flows.paletteHint')}</p>
    </aside>
  );
}
