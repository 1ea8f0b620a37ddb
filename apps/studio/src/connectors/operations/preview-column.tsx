import type { OperationDefinition } from '@kiln/engine-connectors';
import { useTranslation } from 'react-i18next';
import { ptr } from '../../rules/model/pointer';
import { JsonEditor } from '../editor/json-editor';
import { usePreviewBaseUrl } from '../hooks/useLivePreview';
import { connectorEdit } from '../store/edit';
import { LivePreview } from './live-preview';
import { TestCall } from './test-call';

/**
 * The right column of the operations tab: the sample input, the live preview (with each step's
 * sample response), and the real test call.
 */
export function PreviewColumn({ opKey, op }: { opKey: string; op: OperationDefinition }) {
  const { t } = useTranslation();
  const baseUrl = usePreviewBaseUrl();
  return (
    <aside className="conn-preview-col conn-scroll" data-testid="op-preview-column">
      <section className="conn-box">
        <div className="conn-box-title">{t('connectors.preview.input')}</div>
        <p className="prop-hint">{t('connectors.preview.inputHint')}</p>
        <JsonEditor
          value={op.sample?.input}
          onChange={(input) => connectorEdit.operation(opKey, (o) => ({ ...o, sample: { ...o.sample, input } }), `${ptr('operations', opKey)}/sample/input`)}
          testId="op-sample-input"
        onUndo={connectorEdit.undo}
        onRedo={connectorEdit.redo}
          placeholder='{ "id": 1 }'
        />
      </section>
      <section className="conn-box">
        <div className="conn-box-title">
          {t('connectors.preview.title')}
          <code className="muted-code" title={t('connectors.preview.baseUrl')}>{baseUrl}</code>
        </div>
        <LivePreview opKey={opKey} op={op} />
      </section>
      <TestCall opKey={opKey} op={op} />
    </aside>
  );
}
