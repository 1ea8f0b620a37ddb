import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, Locale } from '@kiln/engine-forms';
import type { DashboardItem, ReportDefinition } from '@kiln/engine-reports';
import { ReportView, type ReportTheme } from '@kiln/report-react';
import { textOf } from '../../lib/localized';
import type { ReportParams } from '../../lib/reports-api';
import { useReportData } from '../../lib/use-report-data';
import { ErrorNotice } from '../error-notice';
import { DrillBreadcrumb } from './drill-breadcrumb';
import { DrillMenu } from './drill-menu';
import { DrillRecordsPanel } from './drill-records-panel';
import { toDrillParams } from './drill-step';
import { useCardDrill } from './use-card-drill';
import { useCsvExport } from './use-csv-export';

interface Props {
  app: string;
  item: DashboardItem;
  report: ReportDefinition | undefined;
  params: ReportParams;
  tick: number;
  locale: Locale;
  theme: ReportTheme;
  forms: Readonly<Record<string, FormDefinition>>;
  onLoaded(at: Date): void;
}

/**
 * One report on the dashboard (`dashboard-card-<itemId>`, `data-loading` while fetching): its
 * title, refresh (`report-refresh-<itemId>`) and CSV export (`report-export-<itemId>`), the
 * drill breadcrumb, and the visual (`report-view-<itemId>`) fed with the dashboard's filters.
 */
export function DashboardCard({ app, item, report, params, tick, locale, theme, forms, onLoaded }: Props) {
  const { t } = useTranslation();
  const title = textOf(item.title, locale) || textOf(report?.name, locale) || item.report;
  const drill = useCardDrill();
  const drillParams = useMemo(() => toDrillParams(drill.steps), [drill.steps]);
  const state = useReportData(app, item.report, params, drillParams, tick, report !== undefined);
  const csv = useCsvExport(app, item.report);

  useEffect(() => {
    if (state.updatedAt) onLoaded(state.updatedAt);
  }, [state.updatedAt, onLoaded]);

  const id = item.id;
  const nextDim = state.data?.drill?.next;
  const nextLabel = textOf(report?.dimensions.find((d) => d.id === nextDim)?.label, locale) || nextDim || '';
  return (
    <section className="dash-card card" data-testid={`dashboard-card-${id}`} data-loading={state.loading ? 'true' : 'false'} aria-busy={state.loading}>
      <header className="dash-card-head" title={state.updatedAt ? t('dashboard.updatedAt', { time: state.updatedAt.toLocaleTimeString(locale) }) : undefined}>
        <h2 className="dash-card-title" data-testid={`dashboard-card-title-${id}`}>
          {title}
        </h2>
        {state.loading && <span className="dash-card-spin" aria-hidden="true" />}
        <div className="dash-card-actions">
          <button type="button" className="btn btn-small btn-icon" data-testid={`report-refresh-${id}`} title={t('dashboard.refresh')} aria-label={t('dashboard.refresh')} disabled={!report} onClick={state.reload}>
            ↻
          </button>
          <button type="button" className="btn btn-small" data-testid={`report-export-${id}`} title={t('dashboard.exportCsv')} disabled={!report || csv.busy} onClick={() => csv.run(params, drillParams)}>
            {csv.busy ? t('dashboard.exporting') : `⤓ CSV`}
          </button>
        </div>
      </header>
      <DrillBreadcrumb steps={drill.steps} onJump={drill.jump} />
      {csv.error !== undefined && <ErrorNotice error={csv.error} onRetry={() => csv.run(params, drillParams)} />}
      <div className="dash-card-body">
        {!report && <p className="muted small">{t('dashboard.missingReport', { report: item.report })}</p>}
        {report && state.error !== undefined && <ErrorNotice error={state.error} onRetry={state.reload} />}
        {report && state.data && <ReportView result={state.data} visual={report.visual} measures={report.measures} locale={locale} height="100%" theme={theme} onDrill={drill.handlerFor(state.data)} testId={`report-view-${id}`} />}
        {report && !state.data && state.loading && <div className="dash-card-loading muted small">{t('common.loading')}</div>}
      </div>
      {drill.pending && (
        <DrillMenu
          label={`${drill.pending.dimensionLabel}: ${drill.pending.label}`}
          nextLabel={nextLabel}
          onNext={() => drill.pending && drill.drillInto(drill.pending)}
          onRecords={() => drill.pending && drill.showRecords(drill.pending)}
          onClose={drill.closePending}
        />
      )}
      {drill.records && (
        <DrillRecordsPanel
          key={JSON.stringify(drill.records.map((s) => [s.dimension, s.value]))}
          app={app}
          report={item.report}
          params={params}
          drill={toDrillParams(drill.records)}
          title={drill.records.map((s) => s.label).join(' ▸ ')}
          forms={forms}
          locale={locale}
          onClose={drill.closeRecords}
        />
      )}
    </section>
  );
}
