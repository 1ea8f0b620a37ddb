import type { ReportDefinition } from '@kiln/engine-reports';
import { useEffect, useMemo, useRef, useState } from 'react';
import { endpoints, type ReportPreviewResult } from '../../api/endpoints';
import { cardParams } from '../model/filter-ops';
import { useDashboardUi, type DashboardUiState } from '../store/dashboard-ui';
import { useDashboard } from './useDashboard';
import { useDashboardApp } from './useDashboardApp';

/** A card's preview: `missing` (no such report draft), `loading`, `ok`, `error`. */
export interface CardPreview {
  status: 'missing' | 'loading' | 'ok' | 'error';
  report?: ReportDefinition;
  result?: ReportPreviewResult;
  error?: unknown;
}

const DEBOUNCE_MS = 300;
const selectValues = (s: DashboardUiState) => s.filterValues;
const selectTick = (s: DashboardUiState) => s.tick;

/**
 * Computes a card's report draft on the published data (`…/reports/_preview`), with the
 * dashboard filters' values for the parameters it declares; again when the filters, their
 * values or the refresh tick change. Answers to older requests are dropped.
 */
export function useCardPreview(reportKey: string): CardPreview {
  const { app, reports } = useDashboardApp();
  const { filters } = useDashboard();
  const values = useDashboardUi(selectValues);
  const tick = useDashboardUi(selectTick);
  const report = reports[reportKey];
  const params = useMemo(() => (report ? cardParams(report, filters, values) : {}), [report, filters, values]);
  const paramsJson = JSON.stringify(params);
  const [state, setState] = useState<CardPreview>({ status: report ? 'loading' : 'missing', report });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (!report) return setState({ status: 'missing' });
    setState((s) => ({ ...s, status: 'loading', report }));
    const timer = window.setTimeout(() => {
      endpoints.previewReport(app, { definition: report, params: JSON.parse(paramsJson) as Record<string, string> }).then(
        (result) => mine === seq.current && setState({ status: 'ok', report, result }),
        (error: unknown) => mine === seq.current && setState({ status: 'error', report, error }),
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [app, report, paramsJson, tick]);
  return state;
}
