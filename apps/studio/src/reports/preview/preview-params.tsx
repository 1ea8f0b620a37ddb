import { useReport } from '../hooks/useReport';
import { setParamValue, usePreviewStore, type PreviewState } from '../store/preview-store';
import { ParamInput } from './param-input';

const selectValues = (s: PreviewState) => s.paramValues;

/** The report's parameters as small inputs above the preview (`preview-param-<key>`); values are not saved. */
export function PreviewParams() {
  const { params } = useReport();
  const values = usePreviewStore(selectValues);
  if (!params?.length) return null;
  return (
    <div className="report-preview-params" data-testid="preview-params">
      {params.map((p) => (
        <ParamInput key={p.key} param={p} value={values[p.key] ?? ''} onChange={(v) => setParamValue(p.key, v)} testId={`preview-param-${p.key}`} />
      ))}
    </div>
  );
}
