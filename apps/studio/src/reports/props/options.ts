import type { TFunction } from 'i18next';
import type { Measure, Param } from '@kiln/engine-reports';
import type { PaletteField } from '../model/palette';

/** A `<select>` option. */
export interface Option {
  value: string;
  label: string;
}

/** Options of translated values: `reports.<group>.<value>`. */
export function optionsOf(values: readonly string[], group: string, t: TFunction): Option[] {
  return values.map((value) => ({ value, label: t(`reports.${group}.${value}`) }));
}

/** Options of the dataset's fields (label and path). */
export function fieldOptions(palette: readonly PaletteField[]): Option[] {
  return palette.map((f) => ({ value: f.path, label: `${f.label} (${f.path})` }));
}

/** Options of measures (their ids), e.g. a ratio's numerator. */
export function measureOptions(measures: readonly Measure[], text: (m: Measure) => string): Option[] {
  return measures.map((m) => ({ value: m.id, label: `${text(m)} (${m.id})` }));
}

/** Options of parameters (their keys), optionally of some types only. */
export function paramOptions(params: readonly Param[] | undefined, types?: readonly string[]): Option[] {
  return (params ?? []).filter((p) => !types || types.includes(p.type)).map((p) => ({ value: p.key, label: p.key }));
}
