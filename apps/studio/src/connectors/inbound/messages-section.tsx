import type { InboundDefinition } from '@kiln/engine-connectors';
import { useTranslation } from 'react-i18next';
import { Labeled } from '../common/labeled';
import { MappingEditor } from '../editor/mapping-editor';
import { connectorEdit } from '../store/edit';

/** How a request is read: the messages it carries (`messages`) and each message's id (`messageId`, de-duplication). */
export function MessagesSection({ inbound }: { inbound: InboundDefinition }) {
  const { t } = useTranslation();
  return (
    <section className="rule-card">
      <div className="rule-card-head">{t('connectors.inbound.messagesTitle')}</div>
      <div className="rule-grid">
        <Labeled label={t('connectors.inbound.messages')} hint={t('connectors.inbound.messagesHint')} wide>
          <MappingEditor
            path="/inbound/messages" value={inbound.messages} scope="request" testId="inbound-messages" expandable placeholder="[body]"
            onChange={(v) =>
              connectorEdit.inbound((ib) => {
                const { messages: _old, ...rest } = ib;
                return v ? { ...rest, messages: v } : rest;
              }, '/inbound/messages')
            }
          />
        </Labeled>
        <Labeled label={t('connectors.inbound.messageId')} hint={t('connectors.inbound.messageIdHint')} wide>
          <MappingEditor path="/inbound/messageId" value={inbound.messageId} scope="messageId" testId="inbound-message-id" onChange={(v) => connectorEdit.inbound((ib) => ({ ...ib, messageId: v }), '/inbound/messageId')} />
        </Labeled>
      </div>
    </section>
  );
}
