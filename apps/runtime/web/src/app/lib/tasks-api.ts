import { api, seg } from '../../shared/api';
import type { Outcome, TaskActionResult, TaskDetail, TaskPage } from './flow-types';

/** Which tasks of the signed-in user: still to do, or acted on / closed. */
export type TaskState = 'open' | 'done';

/** `GET /api/tasks`: one page of the signed-in user's tasks, with the counts of both tabs. */
export function listTasks(state: TaskState, opts: { limit?: number; cursor?: string | null; signal?: AbortSignal } = {}): Promise<TaskPage> {
  const p = new URLSearchParams({ state });
  if (opts.limit) p.set('limit', String(opts.limit));
  if (opts.cursor) p.set('cursor', opts.cursor);
  return api<TaskPage>(`/api/tasks?${p.toString()}`, { signal: opts.signal });
}

/** `GET /api/tasks/{id}`: the task, its record's visible fields and what the assignee may do. */
export const getTask = (id: number | string) => api<TaskDetail>(`/api/tasks/${seg(id)}`);

const act = (id: number | string, action: string, body: Record<string, unknown>) =>
  api<TaskActionResult>(`/api/tasks/${seg(id)}/${action}`, { method: 'POST', body });

/** Drops empty comments so the server records none rather than "". */
const withComment = (body: Record<string, unknown>, comment?: string) => (comment?.trim() ? { ...body, comment: comment.trim() } : body);

/** Approves or rejects; `data` carries the editable fields the assignee changed. */
export function completeTask(id: number | string, outcome: Outcome, comment?: string, data?: Record<string, unknown>): Promise<TaskActionResult> {
  return act(id, 'complete', withComment(data && Object.keys(data).length ? { outcome, data } : { outcome }, comment));
}

/** Hands the task to another user. */
export const transferTask = (id: number | string, to: number, comment?: string) => act(id, 'transfer', withComment({ to }, comment));

/** Adds a signer who acts before this task (it waits) or after it (its vote waits). */
export const addSigner = (id: number | string, user: number, position: 'before' | 'after', comment?: string) =>
  act(id, 'add-signer', withComment({ user, position }, comment));

/** Sends the instance back to an earlier approval node. */
export const returnTask = (id: number | string, to: string, comment?: string) => act(id, 'return', withComment({ to }, comment));

/** Adds a comment to the timeline without acting. */
export const commentTask = (id: number | string, comment: string) => act(id, 'comment', { comment: comment.trim() });
