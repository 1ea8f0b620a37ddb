import { useTranslation } from 'react-i18next';
import { usePalette } from '../hooks/usePalette';
import { findField, fitsWell } from '../model/palette';
import type { WellId } from '../model/wells';
import { reportEdit } from '../store/edit';

const COUNT = '$$count';

/** The click fallback of dragging: "+ add" picks a field of the dataset into the well (measures also offer the record count). */
export function WellAdd({ well }: { well: WellId }) {
  const { t } = useTranslation();
  const palette = usePalette();
  const add = (path: string) => {
    if (path === COUNT) return reportEdit.addCount();
    const field = findField(palette, path);
    if (field) reportEdit.drop(well, field);
  };
  return (
    <select className="input report-well-add" value="" onChange={(e) => add(e.target.value)} data-testid={`well-add-${well}`} aria-label={t('reports.add')}>
      <option value="">+ {t('reports.add')}</option>
      {well === 'measures' && <option value={COUNT}>{t('reports.countRecords')}</option>}
      {palette.filter((f) => fitsWell(f, well)).map((f) => (
        <option key={f.path} value={f.path}>
          {f.label} ({f.path})
        </option>
      ))}
    </select>
  );
}
