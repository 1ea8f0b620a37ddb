import type { Harness } from './harness.js';

/** A signed-in test user. */
export interface Person {
  id: number;
  email: string;
  token: string;
  /** Sends a request as this user. */
  req: (o: { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object; headers?: Record<string, string> }) => Promise<{ status: number; body: any }>;
}

/** Creates (as the admin) and signs in an operator with groups and an optional manager. */
export async function person(h: Harness, email: string, opts: { groups?: string[]; managerId?: number; role?: string; name?: string } = {}): Promise<Person> {
  const password = 'person-password-1';
  const r = await h.req({ method: 'POST', url: '/api/users', payload: { email, password, role: opts.role ?? 'operator', displayName: opts.name ?? email.split('@')[0], groups: opts.groups ?? [], ...(opts.managerId ? { managerId: opts.managerId } : {}) } });
  if (r.status !== 201) throw new Error(`user ${email}: ${JSON.stringify(r.body)}`);
  let token = await h.login(email, password);
  const send = (o: Parameters<Person['req']>[0]) => h.req({ ...o, headers: { ...(o.headers ?? {}), authorization: `Bearer ${token}` } } as never);
  return {
    id: r.body.id, email, token,
    // Sessions expire on the runtime clock: after the test clock jumps days, sign in again.
    req: async (o) => {
      const res = await send(o);
      if (res.status !== 401) return res;
      token = await h.login(email, password);
      return send(o);
    },
  };
}

/** The caller's open tasks (optionally of one flow). */
export async function openTasks(p: Person, flow?: string): Promise<any[]> {
  const r = await p.req({ method: 'GET', url: '/api/tasks?state=open&limit=200' });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return (r.body.items as any[]).filter((t) => !flow || t.flow === flow);
}

/** The one open task of `p` for a record, or undefined. */
export async function taskFor(p: Person, record: number, flow?: string): Promise<any | undefined> {
  return (await openTasks(p, flow)).find((t) => t.record === record);
}

/** Completes a task and returns the response. */
export function complete(p: Person, task: number, outcome: 'approve' | 'reject', extra: { comment?: string; data?: object } = {}) {
  return p.req({ method: 'POST', url: `/api/tasks/${task}/complete`, payload: { outcome, ...extra } });
}

/** Moves the test clock (runs every timer now due). */
export async function advance(h: Harness, duration: string): Promise<void> {
  const r = await h.req({ method: 'POST', url: '/api/_test/clock', payload: { advance: duration } });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
}

/** The instances of a flow for a record. */
export async function instancesOf(h: Harness, app: string, flow: string, record: number): Promise<any[]> {
  const r = await h.req({ method: 'GET', url: `/api/apps/${app}/flows/${flow}/instances?record=${record}` });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body.items;
}
