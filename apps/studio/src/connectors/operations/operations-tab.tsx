import { useTranslation } from 'react-i18next';
import { useSettingsLoader } from '../hooks/useSettings';
import { useConnector } from '../hooks/useConnector';
import { useConnectorUi, type ConnectorUiState } from '../store/connector-ui';
import { OperationEditor } from './operation-editor';
import { OperationList } from './operation-list';
import { PreviewColumn } from './preview-column';

const selectOp = (s: ConnectorUiState) => s.operation;

/** The Operations tab: the list · the open operation's editor · its live preview and test call. */
export function OperationsTab() {
  const { t } = useTranslation();
  const def = useConnector();
  const selected = useConnectorUi(selectOp);
  useSettingsLoader();
  const op = selected ? def.operations?.[selected] : undefined;
  return (
    <div className="conn-ops">
      <OperationList />
      {op && selected ? (
        <>
          {/* Keyed: another operation opens at its top. */}
          <div key={selected} className="conn-scroll conn-op-main">
            <OperationEditor opKey={selected} op={op} />
          </div>
          <PreviewColumn key={`p-${selected}`} opKey={selected} op={op} />
        </>
      ) : (
        <div className="page-empty conn-op-empty" data-testid="op-empty">
          {t('connectors.ops.pick')}
        </div>
      )}
    </div>
  );
}
