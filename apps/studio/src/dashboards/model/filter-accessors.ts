import type { DashboardFilter } from '@kiln/engine-reports';
import { localized, plain, type Accessors } from '../../reports/model/accessors';

/** Properties of a shared filter, with the report parameter panel's names (`key` is the bound param). */
export const filterAccessors: Accessors<DashboardFilter> = {
  key: { get: (f) => f.param, set: (f, v) => ({ ...f, param: String(v ?? '') }) },
  'label-zh': localized('label', 'zh-CN', true),
  'label-en': localized('label', 'en', true),
  type: plain('type'),
  options: { get: (f) => f.options ?? [], set: (f, v) => plain<DashboardFilter>('options').set(f, Array.isArray(v) && v.length ? v : undefined) },
  default: plain('default'),
  form: plain('form'),
};

/** After the type changed: only select / choice keep options, relation its form; the default starts over. */
export function fixFilterType(f: DashboardFilter): DashboardFilter {
  const { options, default: _d, form, ...rest } = f;
  return {
    ...rest,
    ...((f.type === 'select' || f.type === 'choice') && options ? { options } : {}),
    ...(f.type === 'relation' && form ? { form } : {}),
    ...(f.type === 'date_range' ? { default: 'last_30_days' } : {}),
  };
}
