import type { DecisionTableDefinition, LocalizedText, TriggerRuleDefinition } from '@kiln/engine-rules';

/** A fresh automation: fires when a record is created, no condition, no actions yet. */
export function newTriggerRule(key: string, title: LocalizedText, form = ''): TriggerRuleDefinition {
  return {
    formatVersion: 1,
    key,
    type: 'trigger',
    title,
    enabled: true,
    trigger: { event: 'record.created', form },
    actions: [],
  };
}

/** A fresh decision table: one input column, one output column, one empty row, first-hit. */
export function newTableRule(key: string, title: LocalizedText): DecisionTableDefinition {
  return {
    formatVersion: 1,
    key,
    type: 'table',
    title,
    hitPolicy: 'first',
    inputs: [{ id: 'in1', label: { 'zh-CN': '输入 1', en: 'Input 1' }, expression: '' }],
    outputs: [{ id: 'out1', key: 'result', label: { 'zh-CN': '结果', en: 'Result' }, type: 'text' }],
    rows: [{ id: 'r1', when: { in1: '' }, then: { out1: '' } }],
  };
}
