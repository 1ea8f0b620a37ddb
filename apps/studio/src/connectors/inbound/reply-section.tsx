import type { InboundDefinition } from '@kiln/engine-connectors';
import { useTranslation } from 'react-i18next';
import { Labeled } from '../common/labeled';
import { connectorEdit } from '../store/edit';

type Reply = NonNullable<InboundDefinition['reply']>;

/** Sets reply properties (empty ones are left out); nothing left removes the reply (the default `{"ok":true}` answers). */
function withReply(ib: InboundDefinition, patch: Partial<Reply>): InboundDefinition {
  const reply = { body: '', ...ib.reply, ...patch } as Record<string, unknown>;
  for (const k of ['status', 'contentType']) if (reply[k] === undefined || reply[k] === '' || Number.isNaN(reply[k])) delete reply[k];
  const next: InboundDefinition = { ...ib, reply: reply as unknown as Reply };
  if (!reply.body && reply.status === undefined && reply.contentType === undefined) delete next.reply;
  return next;
}

/** What Kiln answers the platform on success: status, content type, body text (Douyin JSON, WeChat `success`). */
export function ReplySection({ inbound }: { inbound: InboundDefinition }) {
  const { t } = useTranslation();
  const r = inbound.reply;
  return (
    <section className="rule-card">
      <div className="rule-card-head">
        {t('connectors.inbound.reply')}
        <span className="rf-hint">{t('connectors.inbound.replyHint')}</span>
      </div>
      <div className="rule-grid">
        <Labeled label={t('connectors.inbound.replyStatus')} path="/inbound/reply/status">
          <input
            type="number" className="input" value={r?.status ?? ''} placeholder="200" data-path="/inbound/reply/status"
            onChange={(e) => connectorEdit.inbound((ib) => withReply(ib, { status: e.target.value === '' ? undefined : Number(e.target.value) }), '/inbound/reply/status')}
            data-testid="inbound-reply-status"
          />
        </Labeled>
        <Labeled label={t('connectors.inbound.replyType')} path="/inbound/reply/contentType">
          <input
            className="input mono" value={r?.contentType ?? ''} placeholder="application/json" data-path="/inbound/reply/contentType"
            onChange={(e) => connectorEdit.inbound((ib) => withReply(ib, { contentType: e.target.value.trim() }), '/inbound/reply/contentType')}
            data-testid="inbound-reply-type"
          />
        </Labeled>
        <Labeled label={t('connectors.inbound.replyBody')} hint={t('connectors.inbound.replyBodyHint')} path="/inbound/reply/body" wide>
          <textarea
            className="input mono" rows={2} value={r?.body ?? ''} placeholder='{"ok":true}' data-path="/inbound/reply/body"
            onChange={(e) => connectorEdit.inbound((ib) => withReply(ib, { body: e.target.value }), '/inbound/reply/body')}
            data-testid="inbound-reply-body"
          />
        </Labeled>
      </div>
    </section>
  );
}
