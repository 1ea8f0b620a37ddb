import { useMemo } from 'react';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import type { EditorFlowProblem } from '../model/editor-problem';
import { dedupeProblems } from '../model/live-problems';
import { publishProblemOf } from '../model/publish-problems';
import { useFlowContext, type FlowContextState } from '../store/flow-context';
import { useFlowUi, type FlowUiState } from '../store/flow-ui';
import { useFlow } from './useFlow';

const selectLive = (s: FlowUiState) => s.liveProblems;
const selectServer = (s: FlowUiState) => s.serverProblems;
const selectServerJson = (s: FlowUiState) => s.serverJson;
const selectKey = (s: FlowContextState) => s.flowKey;

/**
 * Every problem of this flow: the live validation, then this flow's part of the last refused
 * publish — the latter only until the flow is edited (the next publish checks again).
 */
export function useProblems(): EditorFlowProblem[] {
  const live = useFlowUi(selectLive);
  const server = useFlowUi(selectServer);
  const serverJson = useFlowUi(selectServerJson);
  const flow = useFlow();
  const key = useFlowContext(selectKey);
  const locale = useLocale();
  const current = useMemo(() => (server.length ? JSON.stringify(flow) === serverJson : false), [server, flow, serverJson]);
  return useMemo(() => {
    const mine = current ? server.filter((p) => p.kind === 'flows' && p.key === key).map((p) => publishProblemOf(p, pick(p.message, locale))) : [];
    return dedupeProblems([...live, ...mine]);
  }, [live, server, current, key, locale]);
}
