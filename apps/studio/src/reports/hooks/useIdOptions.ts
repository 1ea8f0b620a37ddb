import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { dimensionText, measureText } from '../model/chip-text';
import type { Option } from '../props/options';
import { usePalette } from './usePalette';
import { useReport } from './useReport';

/** `<select>` options of the report's dimensions and measures (by id, shown by their chip text). */
export function useIdOptions(): { dimensions: Option[]; measures: Option[] } {
  const { t } = useTranslation();
  const locale = useLocale();
  const palette = usePalette();
  const report = useReport();
  return useMemo(
    () => ({
      dimensions: report.dimensions.map((d) => ({ value: d.id, label: dimensionText(d, palette, t, locale) })),
      measures: report.measures.map((m) => ({ value: m.id, label: measureText(m, palette, t, locale) })),
    }),
    [report.dimensions, report.measures, palette, t, locale],
  );
}
