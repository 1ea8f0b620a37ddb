import { useTranslation } from 'react-i18next';
import { useUnsavedGuard } from '../designer/hooks/useUnsavedGuard';
import { useUndoShortcuts } from '../hooks/useUndoShortcuts';
import { ErrorText } from '../ui/error-text';
import { DeliveriesTab } from './deliveries/deliveries-tab';
import { useDirty } from './hooks/useDirty';
import { useLiveValidation } from './hooks/useLiveValidation';
import { useLoadConnector } from './hooks/useLoadConnector';
import './i18n/register';
import { InboundTab } from './inbound/inbound-tab';
import { OperationsTab } from './operations/operations-tab';
import { ConnectorProblems } from './problems/problems-panel';
import { SetupTab } from './setup/setup-tab';
import { ConnectorTabs } from './toolbar/connector-tabs';
import { ConnectorToolbar } from './toolbar/connector-toolbar';
import { connectorEdit } from './store/edit';
import { useConnectorUi, type ConnectorUiState } from './store/connector-ui';
import '../styles/designer.css';
import '../styles/rules.css';
import '../styles/flows.css';
import './connectors.css';

const selectTab = (s: ConnectorUiState) => s.tab;

/** The connector route (`/apps/:app/connectors/:key`): setup · operations · inbound · deliveries, with problems below. */
export default function ConnectorPage({ app, connector }: { app: string; connector: string }) {
  const { t } = useTranslation();
  const { loaded, error } = useLoadConnector(app, connector);
  if (error) {
    return (
      <div className="page">
        <ErrorText error={error} />
      </div>
    );
  }
  if (!loaded) return <div className="page-loading">{t('common.loading')}</div>;
  return <ConnectorEditor />;
}

function ConnectorEditor() {
  const dirty = useDirty();
  const tab = useConnectorUi(selectTab);
  // CodeMirror boxes route Ctrl/⌘+Z themselves; secret and installation inputs keep the browser's undo.
  useUndoShortcuts(connectorEdit, { keepNative: '.cm-editor, .conn-native-undo' });
  useUnsavedGuard(dirty);
  useLiveValidation();
  return (
    <div className="connector-editor" data-testid="connector-editor" data-tab={tab}>
      <ConnectorToolbar />
      <ConnectorTabs />
      <div className="conn-body">
        {tab === 'setup' && <SetupTab />}
        {tab === 'operations' && <OperationsTab />}
        {tab === 'inbound' && <InboundTab />}
        {tab === 'deliveries' && <DeliveriesTab />}
      </div>
      <ConnectorProblems />
    </div>
  );
}
