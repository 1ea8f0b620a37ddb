import type { AssigneeSpec, FlowNode } from '@kiln/engine-flow';
import type { TFunction } from 'i18next';
import type { UserHit } from '../../api/types';
import { pick } from '../../ui/localized';
import { shortDuration } from './duration';

/** Names of users by id, as far as the editor has seen them. */
export type UserNames = Readonly<Record<number, UserHit>>;

/** Who an assignee spec names, in a few words (`Alice`, `sales_lead`, `3 users`, `manager ×2`). */
export function assigneeText(a: AssigneeSpec, t: TFunction, users: UserNames = {}): string {
  switch (a.kind) {
    case 'users': {
      const list = a.users ?? [];
      const named = list.map((id) => users[id]?.displayName || users[id]?.email);
      if (list.length && list.length <= 2 && named.every(Boolean)) return named.join(', ');
      return t('flows.summary.users', { count: list.length });
    }
    case 'role':
      return a.role ? t(`flows.roles.${a.role}`, { defaultValue: a.role }) : '?';
    case 'group':
      return a.group || '?';
    case 'field':
      return a.field ? `@${a.field}` : '?';
    case 'manager':
      return a.levels > 1 ? t('flows.summary.managerN', { levels: a.levels }) : t('flows.summary.manager');
    case 'initiator':
      return t('flows.assigneeKinds.initiator');
    case 'expression':
      return 'ƒ';
  }
}

function assigneesText(list: readonly AssigneeSpec[] | undefined, t: TFunction, users: UserNames): string {
  if (!list?.length) return t('flows.summary.noAssignee');
  const head = list.slice(0, 2).map((a) => assigneeText(a, t, users)).join(', ');
  return list.length > 2 ? `${head} +${list.length - 2}` : head;
}

/**
 * The one-line summary under a node's name on the canvas, e.g. `sales_lead · any · SLA 2h`
 * for an approval, `2 branches` for a condition, `PT1H` → `wait 1h` for a timer.
 */
export function nodeSummary(node: FlowNode, t: TFunction, locale: string, users: UserNames = {}): string {
  switch (node.type) {
    case 'start': {
      const trigger = t(`flows.triggers.${node.data.trigger}`, { defaultValue: node.data.trigger });
      return node.data.when ? `${trigger} · ${t('flows.summary.when')}` : trigger;
    }
    case 'approval': {
      const d = node.data;
      const mode = d.mode === 'percent' ? `${d.percent ?? '?'}%` : t(`flows.modesShort.${d.mode}`, { defaultValue: d.mode });
      const parts = [assigneesText(d.assignees, t, users), mode];
      if (d.pick === 'roundRobin') parts.push(t('flows.summary.roundRobin'));
      if (d.sla?.due) parts.push(`SLA ${shortDuration(d.sla.due)}`);
      return parts.join(' · ');
    }
    case 'condition':
      return t('flows.summary.branches', { count: node.data.branches?.length ?? 0 });
    case 'parallel':
      return t('flows.summary.parallel');
    case 'join':
      return t('flows.summary.join');
    case 'action': {
      const d = node.data;
      if (d.action === 'update') return t('flows.summary.update', { count: Object.keys(d.values ?? {}).length });
      if (d.action === 'create') return t('flows.summary.create', { form: d.form || '?' });
      if (d.action === 'rule') return t('flows.summary.rule');
      return `${d.connector || '?'}.${d.operation || '?'}`;
    }
    case 'notify':
      return [assigneesText(node.data.to, t, users), pick(node.data.title, locale)].filter(Boolean).join(' · ');
    case 'timer':
      return node.data.until ? t('flows.summary.until') : t('flows.summary.wait', { duration: shortDuration(node.data.duration) || '?' });
    case 'subflow':
      return `${node.data.flow || '?'}${node.data.wait === false ? '' : ` · ${t('flows.summary.waits')}`}`;
    case 'end':
      return t(`flows.results.${node.data.result ?? 'completed'}`);
  }
}
