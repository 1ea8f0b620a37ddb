import { datasetFields } from '@kiln/engine-reports';
import { useMemo } from 'react';
import { useLocale } from '../../hooks/useLocale';
import type { PaletteField } from '../model/palette';
import { useForms } from './useForms';
import { useReport } from './useReport';

/** The fields the report's dataset offers (`datasetFields`): the palette, and the field pickers. */
export function usePalette(): readonly PaletteField[] {
  const forms = useForms();
  const dataset = useReport().dataset;
  const locale = useLocale();
  return useMemo(() => {
    if (!dataset.form || !forms[dataset.form]) return [];
    try {
      return datasetFields(forms, dataset, locale);
    } catch {
      // A half-edited dataset (e.g. a sub-table that no longer exists) is reported by validation.
      return [];
    }
  }, [forms, dataset, locale]);
}
