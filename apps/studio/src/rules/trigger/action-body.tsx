import type { ActionSpec } from '@kiln/engine-rules';
import type { ActionScope } from '../hooks/useActionScope';
import { ConnectorBuilder } from './builders/connector-builder';
import { DecideBuilder } from './builders/decide-builder';
import { FlowBuilder } from './builders/flow-builder';
import { LedgerBuilder } from './builders/ledger-builder';
import { NotifyBuilder } from './builders/notify-builder';
import { RejectBuilder } from './builders/reject-builder';
import { WriteBuilder } from './builders/write-builder';

/** The builder of an action's type. */
export function ActionBody({ index, action, scope }: { index: number; action: ActionSpec; scope: ActionScope }) {
  switch (action.type) {
    case 'create':
    case 'update':
    case 'upsert':
      return <WriteBuilder index={index} action={action} scope={scope} />;
    case 'decide':
      return <DecideBuilder index={index} action={action} scope={scope} />;
    case 'ledger':
      return <LedgerBuilder index={index} action={action} scope={scope} />;
    case 'flow':
      return <FlowBuilder index={index} action={action} scope={scope} />;
    case 'connector':
      return <ConnectorBuilder index={index} action={action} scope={scope} />;
    case 'notify':
      return <NotifyBuilder index={index} action={action} scope={scope} />;
    case 'reject':
      return <RejectBuilder index={index} action={action} scope={scope} />;
  }
}
