import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePalette } from '../hooks/usePalette';
import { useReport } from '../hooks/useReport';
import { groupPalette } from '../model/palette';
import { PaletteField } from './palette-field';

/**
 * The dataset's fields (from `datasetFields`), searchable, grouped: the form's own fields,
 * fields through relations, the unnested sub-table's, computed columns. Drag one into a well.
 */
export function FieldPalette() {
  const { t } = useTranslation();
  const palette = usePalette();
  const dataset = useReport().dataset;
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupPalette(palette, dataset, query), [palette, dataset, query]);
  return (
    <aside className="palette report-palette" data-testid="report-palette">
      <div className="pane-title">{t('reports.palette')}</div>
      <div className="report-palette-search">
        <input className="input" type="search" value={query} placeholder={t('reports.search')} onChange={(e) => setQuery(e.target.value)} data-testid="palette-search" />
      </div>
      {!dataset.form && <p className="palette-hint">{t('reports.pickDatasetFirst')}</p>}
      {groups.map(([group, fields]) => (
        <section key={group} className="palette-group" data-testid={`palette-group-${group}`}>
          <div className="palette-group-title">{t(`reports.groups.${group}`)}</div>
          <div className="report-palette-list">
            {fields.map((f) => (
              <PaletteField key={f.path} field={f} />
            ))}
          </div>
        </section>
      ))}
      {dataset.form && groups.length === 0 && <p className="palette-hint">{t('reports.noFields')}</p>}
      <p className="palette-hint">{t('reports.paletteHint')}</p>
    </aside>
  );
}
