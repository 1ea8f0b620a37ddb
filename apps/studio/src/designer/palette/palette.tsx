import { FIELD_TYPE_INFO, FIELD_TYPES, type FieldType } from '@kiln/engine-forms';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PaletteItem } from './palette-item';

/** Field types grouped by FIELD_TYPE_INFO category, in the engine's order. */
function groupTypes(): [string, FieldType[]][] {
  const groups = new Map<string, FieldType[]>();
  for (const type of FIELD_TYPES) {
    const cat = String(FIELD_TYPE_INFO[type]?.category ?? 'other');
    groups.set(cat, [...(groups.get(cat) ?? []), type]);
  }
  return [...groups];
}

/** The palette: every field type, grouped; drag onto the canvas or click to append. */
export function Palette() {
  const { t } = useTranslation();
  const groups = useMemo(groupTypes, []);
  return (
    <aside className="palette" data-testid="palette">
      <div className="pane-title">{t('designer.palette')}</div>
      {groups.map(([cat, types]) => (
        <section key={cat} className="palette-group">
          <div className="palette-group-title">{t(`category.${cat}`, { defaultValue: cat })}</div>
          <div className="palette-grid">
            {types.map((type) => (
              <PaletteItem key={type} type={type} />
            ))}
          </div>
        </section>
      ))}
      <p className="palette-hint">{t('designer.paletteHint')}</p>
    </aside>
  );
}
