import { compileForm } from '@kiln/engine-forms';
import { KilnForm, type KilnFormData, type KilnFormProps } from '@kiln/form-react';
import { useCallback, useMemo, useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { useDefinition } from '../hooks/useDefinition';
import { useAppKey } from '../hooks/useAppKey';
import { PreviewBoundary } from './preview-boundary';
import { previewPorts } from './preview-ports';

/**
 * Live preview: the definition compiled by the engine's `compileForm` (the very schema the
 * server validates with) rendered by KilnForm. "Submit" only validates in the browser. Formula
 * fields are computed by the server from the draft (`POST /apps/{app}/compute`) as people type.
 */
export function PreviewPane() {
  const { t } = useTranslation();
  const locale = useLocale();
  const def = useDefinition();
  const app = useAppKey();
  const [data, setData] = useState<KilnFormData>({});
  const [submitted, setSubmitted] = useState<KilnFormData | null>(null);
  const ports = useMemo(() => previewPorts(app), [app]);
  // A new draft is a new function, so KilnForm recomputes when an expression changes.
  const computeFormulas = useCallback((values: KilnFormData) => endpoints.computeFormulas(app, def, values), [app, def]);
  const compiled = useMemo(() => {
    try {
      return { ok: true as const, ...compileForm(def, { locale }) };
    } catch (e) {
      return { ok: false as const, error: e instanceof Error ? e.message : String(e) };
    }
  }, [def, locale]);

  return (
    <section className="preview" data-testid="preview">
      <div className="pane-title">
        {t('designer.preview')}
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => { setData({}); setSubmitted(null); }} data-testid="preview-reset">
          {t('designer.previewReset')}
        </button>
      </div>
      <div className="preview-body">
        {!compiled.ok ? (
          <div className="preview-error">{t('designer.previewFailed')}: {compiled.error}</div>
        ) : (
          <PreviewBoundary resetKey={compiled} fallback={(e) => <div className="preview-error">{t('designer.previewFailed')}: {e.message}</div>}>
            <KilnForm
              schema={compiled.schema as KilnFormProps['schema']}
              uiSchema={compiled.uiSchema as KilnFormProps['uiSchema']}
              formData={data}
              onChange={setData}
              onSubmit={(d) => setSubmitted(d)}
              locale={locale}
              ports={ports}
              computeFormulas={computeFormulas}
              idPrefix="preview"
              submitText={t('designer.previewSubmit')}
            />
          </PreviewBoundary>
        )}
        {submitted && (
          <div className="preview-result" data-testid="preview-result">
            <div className="ok-text">✓ {t('designer.previewValid')}</div>
            <pre>{JSON.stringify(submitted, null, 2)}</pre>
          </div>
        )}
      </div>
    </section>
  );
}
