import { useTranslation } from 'react-i18next';
import { confirmAction } from '../../ui/confirm';
import { useConnector } from '../hooks/useConnector';
import { newInbound } from '../model/inbound-ops';
import { useConnectorUi, type ConnectorUiState } from '../store/connector-ui';
import { connectorEdit } from '../store/edit';
import { HandlerList } from './handler-list';
import { HookUrl } from './hook-url';
import { InboundLog } from './inbound-log';
import { InboundPreview } from './inbound-preview';
import { MessagesSection } from './messages-section';
import { ReplySection } from './reply-section';
import { VerifyPanel } from './verify-panel';

const selectRevision = (s: ConnectorUiState) => s.revision;

/**
 * The Inbound tab: the switch, the hook URL to give the platform, verification, how messages
 * and their ids are read, the handlers, the reply; beside them the sample request with its
 * preview and the log of received messages.
 */
export function InboundTab() {
  const { t } = useTranslation();
  const def = useConnector();
  const revision = useConnectorUi(selectRevision);
  const on = !!def.inbound;
  const toggle = async (next: boolean) => {
    if (next) return connectorEdit.structural((d) => ({ ...d, inbound: newInbound() }));
    if (!(await confirmAction(t('connectors.inbound.confirmOff'), { danger: true }))) return;
    connectorEdit.structural((d) => {
      const { inbound: _gone, ...rest } = d;
      return rest;
    });
  };
  return (
    <div className="conn-inbound">
      <div className="conn-scroll conn-inbound-main">
        <div className="rule-card">
          <div className="rule-card-head">
            <label className="check">
              <input type="checkbox" checked={on} onChange={(e) => void toggle(e.target.checked)} data-testid="inbound-on" />
              {t('connectors.inbound.on')}
            </label>
            <span className="rf-hint">{t('connectors.inbound.onHint')}</span>
          </div>
          <div className="rule-card-body">
            <HookUrl />
          </div>
        </div>
        {def.inbound && (
          <>
            <VerifyPanel key={revision} />
            <MessagesSection inbound={def.inbound} />
            <HandlerList inbound={def.inbound} />
            <ReplySection inbound={def.inbound} />
          </>
        )}
      </div>
      <aside className="conn-side conn-scroll">
        {def.inbound && <InboundPreview inbound={def.inbound} />}
        <InboundLog />
      </aside>
    </div>
  );
}
