/**
 * Flow approvals benchmark (`pnpm bench`): completed approval tasks per second at 16 concurrent
 * approvers over HTTP, durable on real PostgreSQL, next to the raw cost of a record update
 * (`PATCH …/records/{id}`, a durable write without flow machinery) at the same concurrency,
 * measured in the same run.
 *
 * Setup: the livestream template is installed (demo data), then a small form `bench_requests`
 * (title, amount, a `user` field `approver`, status) and a flow `bench_approval` are added to its
 * app through the drafts API and published: start on record.created → one approval node whose
 * assignee is the record's `approver` (so each record's task goes to exactly one person; an SLA
 * of one day schedules a timer job that completing the task cancels) → approved, which sets the
 * record's status. Each of the 16 approvers gets BENCH_PER_APPROVER records (default 100),
 * created up front by 16 clients (each create starts its instance and opens the task in the
 * same transaction; that rate is reported too). Then, per approver: the baseline PATCHes each
 * of its records (BENCH_PATCH_ROUNDS times), and the approver loop lists its open tasks
 * (`GET /api/tasks?state=open`) and completes each (`POST /api/tasks/{id}/complete
 * {"outcome":"approve"}`) until none is left; tasks/s is over that loop's wall time.
 *
 * At the end the database is checked (exit code 1 otherwise): one instance per record, each
 * approved and finished, one task each, approved by its assignee, no open task or queued timer
 * left, every record's status approved, exactly one `task.approved` in each timeline, and every
 * complete request answered 200 exactly once per task.
 *
 * Env: BENCH_DATABASE_URL (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_APPROVERS (default 16), BENCH_PER_APPROVER (default 100), BENCH_PATCH_ROUNDS (baseline PATCHes per
 * record, default 3).
 */
import pg from 'pg';
import { BENCH_BASE as BASE, startServer as startKiln, withDatabase } from './support.js';

const APPROVERS = Number(process.env.BENCH_APPROVERS ?? 16);
const PER_APPROVER = Number(process.env.BENCH_PER_APPROVER ?? 100);
const PATCH_ROUNDS = Number(process.env.BENCH_PATCH_ROUNDS ?? 3);
const WARMUP_PER_APPROVER = 5;
const PORT = 3700 + Math.floor(Math.random() * 90);
const APP = 'livestream';
const FORM = 'bench_requests';
const FLOW = 'bench_approval';

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

async function api(path: string, token: string | null, method: string, body?: unknown): Promise<any> {
  const r = await fetch(`http://127.0.0.1:${PORT}${path}`, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

/** One timed request: status and latency (ms); the body is read (and returned when JSON). */
async function timed(path: string, token: string, method: string, body?: unknown): Promise<{ status: number; ms: number; json: any }> {
  const t0 = performance.now();
  const r = await fetch(`http://127.0.0.1:${PORT}${path}`, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  const ms = performance.now() - t0;
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, ms, json };
}

const requestsForm = {
  formatVersion: 1, key: FORM, title: t('压测审批单', 'Bench requests'),
  fields: [
    { id: 'f_title', key: 'title', type: 'text', label: t('标题', 'Title'), required: true, maxLength: 100 },
    { id: 'f_amount', key: 'amount', type: 'number', label: t('金额', 'Amount'), min: 0 },
    { id: 'f_approver', key: 'approver', type: 'user', label: t('审批人', 'Approver'), required: true },
    { id: 'f_note', key: 'note', type: 'text', label: t('备注', 'Note'), maxLength: 200 },
    {
      id: 'f_status', key: 'status', type: 'select', label: t('状态', 'Status'), required: true, default: 'pending',
      options: [{ value: 'pending', label: t('待审批', 'Pending') }, { value: 'approved', label: t('已通过', 'Approved') }, { value: 'rejected', label: t('已驳回', 'Rejected') }],
    },
  ],
};

const approvalFlow = {
  key: FLOW, name: t('压测审批', 'Bench approval'), form: FORM,
  results: { approved: { status: 'approved' }, rejected: { status: 'rejected' } },
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: { name: t('新审批单', 'New request'), trigger: 'record.created' } },
    { id: 'review', type: 'approval', position: { x: 0, y: 120 }, data: { name: t('审批', 'Review'), assignees: [{ kind: 'field', field: 'approver' }], mode: 'any', sla: { due: 'P1D' } } },
    { id: 'approved', type: 'end', position: { x: 0, y: 240 }, data: { name: t('已通过', 'Approved'), result: 'approved' } },
    { id: 'rejected', type: 'end', position: { x: 260, y: 240 }, data: { name: t('已驳回', 'Rejected'), result: 'rejected' } },
  ],
  edges: [
    { id: 'e_start_review', source: 'start', target: 'review' },
    { id: 'e_review_approved', source: 'review', target: 'approved', sourceHandle: 'approve' },
    { id: 'e_review_rejected', source: 'review', target: 'rejected', sourceHandle: 'reject' },
  ],
};

interface Approver { id: number; token: string; records: number[] }
interface Phase { count: number; seconds: number; perSecond: number; p50: number; p99: number; failed: number; samples: string[] }

const summarize = (latencies: number[], seconds: number, failed: number, samples: string[]): Phase => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { count: latencies.length - failed, seconds, perSecond: (latencies.length - failed) / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), failed, samples };
};

/** Runs one async loop per approver and summarises the request latencies it reported. */
async function phase(people: Approver[], loop: (p: Approver, done: (ms: number, ok: boolean, why?: string) => void) => Promise<void>): Promise<Phase> {
  const latencies: number[] = [];
  const samples: string[] = [];
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(people.map((p) => loop(p, (ms, ok, why) => {
    latencies.push(ms);
    if (!ok) {
      failed++;
      if (samples.length < 3 && why) samples.push(why);
    }
  })));
  return summarize(latencies, (performance.now() - t0) / 1000, failed, samples);
}

const recs = `/api/apps/${APP}/forms/${FORM}/records`;

/** Creates `n` records per approver (as the admin, 16 clients); each create starts an instance. */
const createAll = (people: Approver[], admin: string, n: number, tag: string) => phase(people, async (p, done) => {
  for (let i = 0; i < n; i++) {
    const r = await timed(recs, admin, 'POST', { title: `${tag} ${p.id}-${i}`, amount: 100 + i, approver: p.id });
    done(r.ms, r.status === 201, `${r.status} ${JSON.stringify(r.json)}`);
    if (r.status === 201) p.records.push(r.json.id);
  }
});

/** Baseline: each approver PATCHes each of its records `rounds` times (same form, same table, no flow involved). */
const patchAll = (people: Approver[], ids: (p: Approver) => number[], rounds: number) => phase(people, async (p, done) => {
  for (let round = 0; round < rounds; round++) {
    for (const id of ids(p)) {
      const r = await timed(`${recs}/${id}`, p.token, 'PATCH', { note: `checked ${id} (${round})` });
      done(r.ms, r.status === 200, `${r.status} ${JSON.stringify(r.json)}`);
    }
  }
});

/** The approver loops: list open tasks, complete each, until the inbox is empty. */
function approveAll(people: Approver[], inbox: number[], completed: Map<number, number>) {
  return phase(people, async (p, done) => {
    for (;;) {
      const list = await timed('/api/tasks?state=open&limit=200', p.token, 'GET');
      if (list.status !== 200) throw new Error(`inbox of ${p.id}: ${list.status} ${JSON.stringify(list.json)}`);
      inbox.push(list.ms);
      const items = (list.json.items as { id: number; flow: string }[]).filter((x) => x.flow === FLOW);
      if (!items.length) return;
      for (const task of items) {
        const r = await timed(`/api/tasks/${task.id}/complete`, p.token, 'POST', { outcome: 'approve' });
        const ok = r.status === 200 && r.json?.instance?.status === 'approved';
        done(r.ms, ok, `${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
        if (r.status === 200) completed.set(task.id, (completed.get(task.id) ?? 0) + 1);
        if (r.status !== 200) throw new Error(`task ${task.id}: ${r.status} ${JSON.stringify(r.json)}`);
      }
    }
  });
}

/** Checks in the database that every instance finished exactly once; returns the problems found. */
async function verify(url: string, people: Approver[], completed: Map<number, number>): Promise<string[]> {
  const problems: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const records = people.flatMap((p) => p.records);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const ft = (await c.query(`select t.table_name, t.columns from form_tables t join apps a on a.id = t.app_id where a.key = $1 and t.form_key = $2`, [APP, FORM])).rows[0] as { table_name: string; columns: Record<string, { column: string }> };
    const table = ft.table_name;
    const col = (fieldId: string) => ft.columns[fieldId]!.column;
    const recRows = (await c.query(`select id, ${col('f_status')} as status from ${table}`)).rows as { id: string; status: string }[];
    expect(recRows.length === records.length, `records: ${recRows.length} stored, ${records.length} created`);
    expect(recRows.every((r) => r.status === 'approved'), `records not approved: ${recRows.filter((r) => r.status !== 'approved').length}`);
    const inst = (await c.query(`select count(*)::int as n, count(distinct record_id)::int as records,
        count(*) filter (where status = 'approved' and finished_at is not null)::int as approved,
        count(*) filter (where jsonb_array_length(jsonb_path_query_array(state->'history', '$[*] ? (@.type == "task.approved")')) = 1)::int as one_approval,
        count(*) filter (where jsonb_array_length(jsonb_path_query_array(state->'history', '$[*] ? (@.type == "finished")')) = 1)::int as one_finish
      from flow_instances where flow_key = $1`, [FLOW])).rows[0];
    expect(inst.n === records.length && inst.records === records.length, `instances: ${inst.n} for ${inst.records} records, ${records.length} created`);
    expect(inst.approved === records.length, `instances approved and finished: ${inst.approved} of ${records.length}`);
    expect(inst.one_approval === records.length, `instances with exactly one task.approved: ${inst.one_approval} of ${records.length}`);
    expect(inst.one_finish === records.length, `instances with exactly one finished entry: ${inst.one_finish} of ${records.length}`);
    const tasks = (await c.query(`select count(*)::int as n, count(distinct instance_id)::int as instances,
        count(*) filter (where status = 'approved' and outcome = 'approve' and acted_by = assignee)::int as approved,
        count(*) filter (where status in ('open', 'waiting'))::int as open
      from flow_tasks where flow_key = $1`, [FLOW])).rows[0];
    expect(tasks.n === records.length && tasks.instances === records.length, `tasks: ${tasks.n} over ${tasks.instances} instances, ${records.length} expected`);
    expect(tasks.approved === records.length, `tasks approved by their assignee: ${tasks.approved} of ${records.length}`);
    expect(tasks.open === 0, `open tasks left: ${tasks.open}`);
    const mismatched = Number((await c.query(`select count(*) from flow_tasks k join flow_instances i on i.id = k.instance_id join ${table} r on r.id = i.record_id
      where k.flow_key = $1 and k.assignee is distinct from r.${col('f_approver')}`, [FLOW])).rows[0].count);
    expect(mismatched === 0, `tasks assigned to someone other than the record's approver: ${mismatched}`);
    const timers = Number((await c.query(`select count(*) from jobs where queue = 'flow.timer' and state in ('queued', 'running')`)).rows[0].count);
    expect(timers === 0, `SLA timer jobs still queued: ${timers}`);
    const taskIds = (await c.query(`select id from flow_tasks where flow_key = $1`, [FLOW])).rows.map((r) => Number(r.id));
    expect(completed.size === taskIds.length && taskIds.every((id) => completed.get(id) === 1), `tasks completed over HTTP: ${completed.size} distinct, ${[...completed.values()].filter((v) => v !== 1).length} more than once, ${taskIds.length} in the database`);
  } finally {
    await c.end();
  }
  for (const p of people) {
    const inbox = await api('/api/tasks?state=open', p.token, 'GET');
    expect(inbox.counts.open === 0, `approver ${p.id} still has ${inbox.counts.open} open tasks`);
  }
  return problems;
}

const line = (label: string, x: Phase, unit: string) => `${label.padEnd(40)} ${fmt(x.perSecond).padStart(6)} ${unit}   p50 ${fmt(x.p50, 1)} ms   p99 ${fmt(x.p99, 1)} ms   (${fmt(x.count)} in ${fmt(x.seconds, 1)} s, failed ${x.failed})${x.samples.length ? `\n    e.g. ${x.samples.join('\n    ')}` : ''}`;

let exitCode = 0;
await withDatabase(async (url) => {
  const stop = await startKiln(url, PORT, process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []);
  try {
    const t0 = performance.now();
    const admin = (await api('/api/auth/login', null, 'POST', { email: 'admin@kiln.local', password: 'bench-admin-pw' })).token as string;
    console.log(`flow approvals benchmark: ${APPROVERS} approvers × ${PER_APPROVER} records, PostgreSQL ${BASE.replace(/\/\/[^@]*@/, '//')}`);
    await api('/api/templates/livestream-erp/install', admin, 'POST', { demoData: true });
    await api(`/api/apps/${APP}/forms/${FORM}`, admin, 'PUT', requestsForm);
    await api(`/api/apps/${APP}/flows/${FLOW}`, admin, 'PUT', approvalFlow);
    await api(`/api/apps/${APP}/publish`, admin, 'POST', {});
    // The login route allows 20 sign-ins a minute per address: the admin + 16 approvers fit.
    const people: Approver[] = await Promise.all(Array.from({ length: APPROVERS }, async (_, i) => {
      const email = `approver${i + 1}@bench.test`;
      const password = 'bench-approver-pw';
      const u = await api('/api/users', admin, 'POST', { email, password, role: 'operator', displayName: `Approver ${i + 1}`, groups: ['bench_approvers'] });
      const { token } = await api('/api/auth/login', null, 'POST', { email, password });
      return { id: Number(u.id), token, records: [] };
    }));

    // Warm-up round (JIT, compiled validators and flow programs, pool connections); verified too.
    const warmCompleted = new Map<number, number>();
    await createAll(people, admin, WARMUP_PER_APPROVER, 'warm-up');
    await patchAll(people, (p) => p.records, 1);
    await approveAll(people, [], warmCompleted);
    const warm = new Map(people.map((p) => [p.id, p.records.length]));

    const created = await createAll(people, admin, PER_APPROVER, 'request');
    console.log(line('records created (each starts a flow)', created, 'rec/s  '));
    const patched = await patchAll(people, (p) => p.records.slice(warm.get(p.id)), PATCH_ROUNDS);
    console.log(line('record PATCH (baseline)', patched, 'req/s  '));
    const inbox: number[] = [];
    const completed = new Map(warmCompleted);
    const approved = await approveAll(people, inbox, completed);
    console.log(line('approval tasks completed', approved, 'tasks/s'));
    inbox.sort((a, b) => a - b);
    const listing = inbox.reduce((a, b) => a + b, 0) / people.length / 1000;
    console.log(`${'inbox listings (GET /api/tasks?state=open)'.padEnd(40)} ${fmt(inbox.length).padStart(6)} requests  p50 ${fmt(percentile(inbox, 50), 1)} ms   p99 ${fmt(percentile(inbox, 99), 1)} ms   (in the tasks/s above: ${fmt((100 * listing) / approved.seconds)}% of each approver's time)`);
    console.log(`ratio completed tasks / record PATCH: ${(approved.perSecond / patched.perSecond).toFixed(2)}×`);

    const problems = await verify(url, people, completed);
    const total = people.reduce((n, p) => n + p.records.length, 0);
    if (problems.length || created.failed || patched.failed || approved.failed) {
      exitCode = 1;
      console.error(`VERIFICATION FAILED:\n  ${[...problems, ...(created.failed || patched.failed || approved.failed ? [`failed requests: create ${created.failed}, patch ${patched.failed}, complete ${approved.failed}`] : [])].join('\n  ')}`);
    } else {
      console.log(`verified: ${fmt(total)} instances (incl. ${fmt(WARMUP_PER_APPROVER * APPROVERS)} warm-up) each approved exactly once by its assignee, no open tasks or timers left, all records approved`);
    }
    console.log(`total ${fmt((performance.now() - t0) / 1000, 1)} s`);
  } finally {
    await stop();
  }
});
process.exit(exitCode);
