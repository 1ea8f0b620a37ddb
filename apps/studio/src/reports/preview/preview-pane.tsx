import { useTranslation } from 'react-i18next';
import { usePreviewStore, type PreviewState } from '../store/preview-store';
import { DrillCrumbs } from './drill-crumbs';
import { PreviewBody } from './preview-body';
import { PreviewParams } from './preview-params';

const selectStatus = (s: PreviewState) => s.status;
const selectRows = (s: PreviewState) => s.result?.rows.length ?? 0;

/**
 * The live preview: parameter inputs, drill-down crumbs, and the report computed on the
 * published data (`report-preview`: `data-state` = `idle`, `invalid`, `loading`, `ok`, `error`;
 * `data-rows` = the rows of the last result).
 */
export function PreviewPane() {
  const { t } = useTranslation();
  const status = usePreviewStore(selectStatus);
  const rows = usePreviewStore(selectRows);
  return (
    <section className="report-preview-pane">
      <div className="pane-title">
        {t('reports.preview.title')}
        <span className="muted">{t('reports.preview.published')}</span>
      </div>
      <PreviewParams />
      <DrillCrumbs />
      <div className={status === 'loading' ? 'report-preview is-loading' : 'report-preview'} data-testid="report-preview" data-state={status} data-rows={rows}>
        <PreviewBody height={300} />
      </div>
    </section>
  );
}
