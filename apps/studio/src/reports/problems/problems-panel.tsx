import { useTranslation } from 'react-i18next';
import { OtherDraftsProblems } from '../../ui/other-drafts-problems';
import { useFocusProblem } from '../hooks/useFocusProblem';
import { useProblems } from '../hooks/useProblems';
import { useReportApp } from '../hooks/useReportApp';
import { useReportContext, type ReportContextState } from '../store/report-context';
import { useReportUi, type ReportUiState } from '../store/report-ui';

const selectServer = (s: ReportUiState) => s.serverProblems;
const selectKey = (s: ReportContextState) => s.reportKey;

/**
 * Problems of this report (live validation, the server's preview, the last refused publish); a
 * click selects the chip it is about or shows its section. Publish problems of other drafts are
 * listed below and open that draft.
 */
export function ReportProblems() {
  const { t } = useTranslation();
  const app = useReportApp();
  const problems = useProblems();
  const server = useReportUi(selectServer);
  const key = useReportContext(selectKey);
  const focus = useFocusProblem();
  const elsewhere = server.filter((p) => !(p.kind === 'reports' && p.key === key));
  return (
    <section className="problems report-problems" data-testid="report-problems" data-count={problems.length}>
      <div className="pane-title">
        {t('problems.title')}
        <span className={problems.length ? 'badge badge-warn' : 'badge badge-ok'}>{problems.length}</span>
      </div>
      <ul className="problem-list">
        {problems.length === 0 && elsewhere.length === 0 && <li className="muted">{t('problems.none')}</li>}
        {problems.map((p, i) => (
          <li key={i} className="problem" data-testid={`report-problem-${i}`} data-code={p.code} data-problem-path={p.path} data-source={p.source} onClick={() => focus(p)}>
            <span>{p.message}</span>
            <span className="problem-source">{t(`reports.problemSource.${p.source}`)}</span>
            <code className="muted-code">{p.code}</code>
          </li>
        ))}
      </ul>
      <OtherDraftsProblems app={app} problems={elsewhere} testIdPrefix="report-problem" />
    </section>
  );
}
