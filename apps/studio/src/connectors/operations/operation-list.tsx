import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { useConnector } from '../hooks/useConnector';
import { useProblems } from '../hooks/useProblems';
import { operationKeys } from '../model/operation-ops';
import { textOf } from '../model/text';
import { ptr } from '../../rules/model/pointer';
import { openOperation, useConnectorUi, type ConnectorUiState } from '../store/connector-ui';
import { connectorEdit } from '../store/edit';

const selectOp = (s: ConnectorUiState) => s.operation;

/** The connector's operations (click opens one; the count of its problems shows), and "add". */
export function OperationList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const def = useConnector();
  const selected = useConnectorUi(selectOp);
  const problems = useProblems();
  const keys = operationKeys(def);
  return (
    <nav className="conn-op-list" data-testid="op-list" data-count={keys.length}>
      <div className="pane-title">{t('connectors.ops.title')}</div>
      <ul className="conn-op-items">
        {keys.map((k) => {
          const base = ptr('operations', k);
          const n = problems.filter((p) => p.path === base || p.path.startsWith(`${base}/`)).length;
          const cls = [k === selected ? 'is-selected' : '', n ? 'has-problem' : ''].filter(Boolean).join(' ');
          return (
            <li key={k} className={cls} onClick={() => openOperation(k)} data-testid={`op-item-${k}`} data-selected={k === selected} data-problems={n}>
              <span className="conn-op-name">{textOf(def.operations?.[k]?.name, locale, k)}</span>
              <code className="muted-code">{k}</code>
              {n > 0 && <span className="badge badge-warn">{n}</span>}
            </li>
          );
        })}
      </ul>
      {keys.length === 0 && <p className="muted small pad">{t('connectors.ops.none')}</p>}
      <div className="pad">
        <button type="button" className="btn btn-sm" onClick={() => connectorEdit.addOperation()} data-testid="op-add">
          + {t('connectors.ops.add')}
        </button>
      </div>
    </nav>
  );
}
