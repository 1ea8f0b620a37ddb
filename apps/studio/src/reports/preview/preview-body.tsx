import type { ReportResult, Visual } from '@kiln/engine-reports';
import { ReportView } from '@kiln/report-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { ErrorText } from '../../ui/error-text';
import { PreviewBoundary } from '../../designer/preview/preview-boundary';
import { drillInto, usePreviewStore, type PreviewState } from '../store/preview-store';

const selectState = (s: PreviewState) => s;

/** Where a result stands in the drill-down (`drill` of the preview answer). */
interface DrillState {
  next?: string;
  records?: boolean;
}

/** True when the result lists records (the end of a drill-down): it has no measure column. */
const isRecords = (r: ReportResult, depth: number) => depth > 0 && !r.columns.some((c) => c.role === 'measure');

/** The preview's result as the report's visual; clicks drill down when the report allows it. */
export function PreviewBody({ height }: { height: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { status, result, visual, error, drill } = usePreviewStore(selectState);
  if (status === 'idle') return <div className="report-preview-note">{t('reports.preview.idle')}</div>;
  if (status === 'invalid') return <div className="report-preview-note">{t('reports.preview.invalid')}</div>;
  if (status === 'error') {
    return (
      <div className="report-preview-note">
        <ErrorText error={error} />
      </div>
    );
  }
  if (!result || !visual) return <div className="report-preview-note">{t('common.loading')}</div>;
  const state = (result.drill ?? {}) as DrillState;
  const canDrill = !!state.next || !!state.records;
  const shown: Visual = isRecords(result, drill.length) ? { type: 'table' } : visual;
  return (
    <PreviewBoundary resetKey={result} fallback={(e) => <div className="report-preview-note error-text">{e.message}</div>}>
      <ReportView
        result={result}
        visual={shown}
        locale={locale}
        height={height}
        onDrill={canDrill ? (s) => drillInto({ dimension: s.dimension, value: s.value, label: s.label }) : undefined}
        testId="report-preview-view"
      />
    </PreviewBoundary>
  );
}
