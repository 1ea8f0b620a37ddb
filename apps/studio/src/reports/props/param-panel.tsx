import type { Param } from '@kiln/engine-reports';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useForms } from '../hooks/useForms';
import { usePanelForm } from '../hooks/usePanelForm';
import { applyValue, toValues } from '../model/accessors';
import { paramAccessors } from '../model/element-accessors';
import { fixParam } from '../model/fixups';
import { renameParamRefs } from '../model/param-ops';
import { reportEdit } from '../store/edit';
import { renamePreviewParam } from '../store/preview-store';
import { useReportStore } from '../store/report-store';
import { bumpRevision, useReportUi } from '../store/report-ui';
import { PanelFrame } from './panel-frame';
import { ParamFields } from './param-fields';

/** A parameter's properties; renaming its key renames every reference to it. */
export function ParamPanel({ param, index }: { param: Param; index: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const forms = useForms();
  const formOptions = useMemo(() => Object.entries(forms).map(([key, f]) => ({ value: key, label: `${pick(f.title, locale, key)} (${key})` })), [forms, locale]);
  const form = usePanelForm(toValues(param, paramAccessors), (name, value) => {
    const oldKey = useReportStore.getState().doc.params?.[index]?.key ?? '';
    reportEdit.update((r) => {
      const old = r.params?.[index];
      if (!old) return r;
      let next = applyValue(old, paramAccessors, name, value);
      if (name === 'type') next = fixParam(next);
      const params = (r.params ?? []).map((p, i) => (i === index ? next : p));
      return name === 'key' ? renameParamRefs({ ...r, params }, old.key, next.key) : { ...r, params };
    }, `param:${index}:${name}`);
    // Keep the selection on this parameter under its new key (the panel is keyed by index: typing keeps focus).
    if (name === 'key') {
      useReportUi.setState({ selected: { kind: 'param', id: String(value ?? '') } });
      renamePreviewParam(oldKey, String(value ?? ''));
    }
    if (name === 'type') bumpRevision();
  });
  return (
    <PanelFrame form={form} selection={{ kind: 'param', id: param.key }} title={t('reports.kinds.param')}>
      <ParamFields type={param.type} options={param.options} forms={formOptions} withRequired keyHint={t('reports.props.paramKeyHint')} />
    </PanelFrame>
  );
}
