import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { dimensionText, filterText, measureText } from '../model/chip-text';
import { isDimensionWell, type WellId } from '../model/wells';
import { usePalette } from './usePalette';
import { useReport } from './useReport';

/** The text of chip `id` of `well` (label, or a summary of its field and settings). */
export function useChipText(well: WellId, id: string): string {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const palette = usePalette();
  if (isDimensionWell(well)) {
    const d = report.dimensions.find((x) => x.id === id);
    return d ? dimensionText(d, palette, t, locale) : id;
  }
  if (well === 'measures') {
    const m = report.measures.find((x) => x.id === id);
    return m ? measureText(m, palette, t, locale) : id;
  }
  const f = report.dataset.filters?.[Number(id)];
  return f ? filterText(f, palette, t) : id;
}
