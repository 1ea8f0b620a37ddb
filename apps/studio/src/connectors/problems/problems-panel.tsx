import { useTranslation } from 'react-i18next';
import { OtherDraftsProblems } from '../../ui/other-drafts-problems';
import { useConnectorApp } from '../hooks/useConnectorApp';
import { useFocusProblem } from '../hooks/useFocusProblem';
import { useProblems } from '../hooks/useProblems';
import { useConnectorUi, type ConnectorUiState } from '../store/connector-ui';

const selectServer = (s: ConnectorUiState) => s.serverProblems;

/**
 * Problems of this connector (live validation, the last refused publish); a click opens the
 * section and focuses the control it is about. Publish problems of other drafts link to them.
 */
export function ConnectorProblems() {
  const { t } = useTranslation();
  const { app, key } = useConnectorApp();
  const problems = useProblems();
  const server = useConnectorUi(selectServer);
  const focus = useFocusProblem();
  const elsewhere = server.filter((p) => !(p.kind === 'connectors' && p.key === key));
  return (
    <section className="problems conn-problems" data-testid="connector-problems" data-count={problems.length}>
      <div className="pane-title">
        {t('problems.title')}
        <span className={problems.length ? 'badge badge-warn' : 'badge badge-ok'}>{problems.length}</span>
      </div>
      <ul className="problem-list">
        {problems.length === 0 && elsewhere.length === 0 && <li className="muted">{t('problems.none')}</li>}
        {problems.map((p, i) => (
          <li key={i} className="problem" data-testid={`connector-problem-${i}`} data-code={p.code} data-problem-path={p.path} data-source={p.source} onClick={() => focus(p)}>
            <span className="problem-where">{p.path || '/'}</span>
            <span>{p.message}</span>
            <span className="problem-source">{t(`connectors.problemSource.${p.source}`)}</span>
            <code className="muted-code">{p.code}</code>
          </li>
        ))}
      </ul>
      <OtherDraftsProblems app={app} problems={elsewhere} testIdPrefix="connector-problem" />
    </section>
  );
}
