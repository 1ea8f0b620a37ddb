import { useSettingsLoader } from '../hooks/useSettings';
import { useConnectorUi, type ConnectorUiState } from '../store/connector-ui';
import { BaseUrlOverride } from './base-url-override';
import { CredentialsBox } from './credentials-box';
import { SetupPanel } from './setup-panel';

const selectRevision = (s: ConnectorUiState) => s.revision;

/** The Setup tab: the definition's settings (left) and the installation's settings and credentials (right). */
export function SetupTab() {
  const revision = useConnectorUi(selectRevision);
  useSettingsLoader();
  return (
    <div className="conn-setup">
      <div className="conn-scroll">
        <SetupPanel key={revision} />
      </div>
      <aside className="conn-side conn-scroll">
        <BaseUrlOverride />
        <CredentialsBox />
      </aside>
    </div>
  );
}
