import type { InboundDefinition } from '@kiln/engine-connectors';
import { useTranslation } from 'react-i18next';
import { useConnector } from '../hooks/useConnector';
import { handlerOf } from '../model/inbound-ops';
import { operationKeys } from '../model/operation-ops';
import { connectorEdit } from '../store/edit';
import { HandlerCard } from './handler-card';

/** What each message does: the handlers, in order (each whose `when` holds runs), and "add handler". */
export function HandlerList({ inbound }: { inbound: InboundDefinition }) {
  const { t } = useTranslation();
  const def = useConnector();
  const add = () => connectorEdit.structural((d) => (d.inbound ? { ...d, inbound: { ...d.inbound, handlers: [...d.inbound.handlers, handlerOf('upsert', undefined, operationKeys(def)[0] ?? '')] } } : d));
  return (
    <section className="rule-card" data-testid="inbound-handlers" data-count={inbound.handlers.length}>
      <div className="rule-card-head">
        {t('connectors.handlers.title')}
        <span className="rf-hint">{t('connectors.handlers.hint')}</span>
      </div>
      <div className="rule-card-body">
        {inbound.handlers.map((h, i) => (
          <HandlerCard key={i} index={i} handler={h} count={inbound.handlers.length} />
        ))}
        <button type="button" className="btn btn-sm" onClick={add} data-testid="handler-add">
          + {t('connectors.handlers.add')}
        </button>
      </div>
    </section>
  );
}
