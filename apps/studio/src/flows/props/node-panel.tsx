import { createForm, onFieldInputValueChange } from '@formily/core';
import { FormProvider } from '@formily/react';
import type { FlowNode } from '@kiln/engine-flow';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../designer/props/connected';
import { NodeIcon } from '../canvas/node-icon';
import { useSelectedNode } from '../hooks/useSelectedNode';
import { applyNodeValue, RESEEDING, toNodeValues } from '../model/node-values';
import { flowEdit } from '../store/edit';
import { bumpRevision, useFlowUi, type FlowUiState } from '../store/flow-ui';
import { ActionSection } from './action-section';
import { ApprovalSection } from './approval-section';
import { ConditionSection } from './condition-section';
import { EndSection } from './end-section';
import { FlowPropField } from './flow-prop-field';
import { JoinSection } from './join-section';
import { NotifySection } from './notify-section';
import { PathProblems } from './path-problems';
import { StartSection } from './start-section';
import { SubflowSection } from './subflow-section';
import { TimerSection } from './timer-section';

const selectRevision = (s: FlowUiState) => s.revision;
const selectCount = (s: FlowUiState) => s.selectedNodes.length;

/** Properties of the selected node (a formily form, like the form designer's field panel), or a hint. */
export function NodePanel() {
  const { t } = useTranslation();
  const node = useSelectedNode();
  const revision = useFlowUi(selectRevision);
  const count = useFlowUi(selectCount);
  if (!node) {
    return (
      <div className="prop-empty" data-testid="node-panel-empty">
        {count > 1 ? t('flows.manySelected', { count }) : t('flows.nothingSelected')}
      </div>
    );
  }
  // Re-seed the formily form when another node is selected or undo/redo changed it.
  return <NodeProperties key={`${node.id}:${revision}`} node={node} />;
}

function TypeSection({ node }: { node: FlowNode }) {
  switch (node.type) {
    case 'start':
      return <StartSection />;
    case 'approval':
      return <ApprovalSection node={node} />;
    case 'condition':
      return <ConditionSection />;
    case 'action':
      return <ActionSection node={node} />;
    case 'notify':
      return <NotifySection />;
    case 'timer':
      return <TimerSection node={node} />;
    case 'subflow':
      return <SubflowSection node={node} />;
    case 'end':
      return <EndSection />;
    case 'join':
      return <JoinSection />;
    case 'parallel':
      return null;
  }
}

function NodeProperties({ node }: { node: FlowNode }) {
  const { t } = useTranslation();
  const id = node.id;
  const form = useMemo(
    () =>
      createForm({
        values: toNodeValues(node),
        effects() {
          onFieldInputValueChange('*', (f) => {
            const name = String(f.props.name);
            flowEdit.node(id, (cur) => applyNodeValue(cur, name, f.value), `${id}:${name}`);
            if (RESEEDING.has(name)) bumpRevision();
          });
        },
      }),
    // The form is seeded once per key (see NodePanel); later edits flow form → store.
    [],
  );
  return (
    <FormProvider form={form}>
      <div className="prop-panel node-panel" data-testid="node-panel" data-node-id={id} data-node-type={node.type}>
        <div className="prop-type">
          <NodeIcon type={node.type} />
          <span>{t(`flows.types.${node.type}`)}</span>
          <code className="muted-code" data-testid="node-panel-id">
            {id}
          </code>
        </div>
        <PathProblems path="" />
        <section className="prop-section">
          <div className="prop-section-title">{t('props.basic')}</div>
          <div className="prop-grid">
            <FlowPropField name="name-zh" title={t('flows.nameZh')} component={TextInput} />
            <FlowPropField name="name-en" title={t('flows.nameEn')} component={TextInput} />
          </div>
          <div className="prop-hint">{t(`flows.typeHints.${node.type}`)}</div>
        </section>
        <TypeSection node={node} />
      </div>
    </FormProvider>
  );
}
