import { useEffect } from 'react';
import { useLocale } from '../../hooks/useLocale';
import { liveProblems } from '../model/live-problems';
import { useReportUi } from '../store/report-ui';
import { useForms } from './useForms';
import { useReport } from './useReport';

/** Quiet time after the last edit before the report is validated again. */
const DEBOUNCE_MS = 200;

/** Validates the report client-side (`validateReport`) after every change, debounced; the problems go to the UI store. */
export function useLiveValidation(): void {
  const report = useReport();
  const forms = useForms();
  const locale = useLocale();
  useEffect(() => {
    const timer = window.setTimeout(() => useReportUi.setState({ liveProblems: liveProblems(report, forms, locale) }), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [report, forms, locale]);
}
