import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql, type RawBuilder } from 'kysely';
import type { FormDefinition } from '@kiln/engine-forms';
import { recordGuard, rowCondition, subtreeWalkCondition, type RecordGuard } from '../access/guard.js';
import { recentSelfRecordId } from '../access/policy-sql.js';
import { appScope, type AppScope } from '../access/request.js';
import { KilnError } from '../errors.js';
import { formRuntimeOf, type FormRuntime } from '../records/form-runtime.js';
import { safeName } from '../records/columns.js';
import { getRecord, listRecords } from '../records/service.js';
import { renderPoster } from '../portal/poster.js';
import { localeOf, requireRole } from './guard.js';

/** The referral template's form keys the portal reads (templates.md: stable keys). */
const F = { customers: 'customers', ledger: 'commission_ledger', withdrawals: 'withdrawals', plan: 'plan' } as const;
const appParams = { type: 'object', properties: { app: { type: 'string' } }, required: ['app'] } as const;
const promoterQuery = { promoter: { type: 'integer', minimum: 1 } } as const;
/** Deepest downline the portal walks, and most people it lists. */
const MAX_DEPTH = 5;
const MAX_NODES = 2000;

interface PortalScope {
  scope: AppScope;
  /** The promoter the page is about (the caller's own record, or ?promoter= for staff). */
  promoter: number;
  customers: FormRuntime;
  guard: (rt: FormRuntime) => RecordGuard;
}

/**
 * The promoter portal's API. Every answer goes through the caller's roles: the promoter role's
 * row policies (`id in subtree(referrer, $user.record)`, `beneficiary = $user.record`, …) are in
 * each statement. Staff whose roles see every row (admins, unrestricted operators) may open any
 * promoter's portal with `?promoter=<customer id>` — the same statements with a plain id.
 */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.kiln;
  const { db } = ctx;
  const signedIn = requireRole();

  const portal = async (req: FastifyRequest): Promise<PortalScope> => {
    const scope = await appScope(ctx, req, (req.params as { app: string }).app, { reads: true });
    const customers = await formRuntimeOf(db, scope.app, F.customers).catch(() => {
      throw new KilnError('NOT_FOUND', 'This app has no promoter portal.');
    });
    const guard = (rt: FormRuntime) => recordGuard(scope.access, rt, scope.user);
    const asked = (req.query as { promoter?: number }).promoter;
    let promoter: number | null;
    if (asked !== undefined) {
      if (!scope.access.unrestricted) throw new KilnError('FORBIDDEN', 'Only staff who see every promoter may open another promoter\'s portal.');
      promoter = asked;
    } else {
      promoter = scope.access.self ? await recentSelfRecordId(db, { storage: customers.allStorage, user: scope.user, self: scope.access.self }) : null;
    }
    if (promoter === null) throw new KilnError('NOT_FOUND', 'You have no promoter record in this app.');
    return { scope, promoter, customers, guard };
  };

  /**
   * The promoter (level 0) and the people under them down to `depth` (level 1 = invited
   * directly), in ONE statement: the walk is a recursive CTE, the caller's customers read policy
   * is applied once (a materialized CTE both the page of rows and the per-level counts read).
   * When the policy is "in the subtree of R" over the same relation, the statement first only
   * checks that the walk starts at R (`subtreeWalkCondition`); if it does not, it runs again with
   * the policy on every row. `fields` are the customer fields to return (those the caller's roles
   * hide come back absent).
   */
  const walk = async (p: PortalScope, depth: number, fields: string[], limit: number) => {
    const rt = p.customers;
    const guard = p.guard(rt);
    const t = sql.id(safeName(rt.storage.table));
    const parent = sql.id(safeName(rt.byKey.get('referrer')!.column));
    const c = (k: string) => sql.ref(`t.${safeName(rt.byKey.get(k)!.column)}`);
    const shown = fields.filter((k) => rt.byKey.has(k) && !guard.access.hidden.has(k));
    const cols = shown.length ? sql`, ${sql.join(shown.map((k) => sql`${c(k)} as ${sql.id(k)}`))}` : sql``;
    const joined = rt.byKey.has('bound_at') ? sql`coalesce(${c('bound_at')}, t.created_at)` : sql`t.created_at`;
    const run = (rootCond: RawBuilder<unknown>, rowCond: RawBuilder<unknown>) => sql<Record<string, unknown> & { id: string | number; level: number; joined_at: string | null; counts: Record<string, number> | null }>`with recursive d(id, level) as (
        select c.id, 0 from ${t} c where c.id = ${p.promoter} and ${rootCond}
        union all select c.id, d.level + 1 from ${t} c join d on c.${parent} = d.id where d.level < ${depth}),
      v as materialized (select t.id, d.level, ${joined} as joined_at${cols} from d join ${t} t on t.id = d.id where ${rowCond})
      select v.*, (select jsonb_object_agg(level, n) from (select level, count(*) as n from v where level > 0 group by level) x) as counts
      from v order by v.level, v.id limit ${limit + 1}`.execute(db);
    const whole = subtreeWalkCondition(guard, 'referrer', depth, 'c');
    let r = whole ? await run(whole, sql`true`) : undefined;
    if (!r?.rows.length) r = await run(sql`true`, rowCondition(guard, 'read', 't'));
    const root = r.rows[0];
    if (!root || Number(root.level) !== 0) throw new KilnError('RECORD_NOT_FOUND', `No customers record ${p.promoter}.`);
    const counts = root.counts ?? {};
    const levels = Array.from({ length: depth }, (_, i) => ({ level: i + 1, count: Number(counts[String(i + 1)] ?? 0) }));
    type Row = Record<string, unknown> & { id: number; level: number; joined_at: string | null };
    const rows: Row[] = r.rows.map(({ counts: _c, ...row }) => ({ ...row, id: Number(row.id), level: Number(row.level) }));
    return { root: rows[0]!, nodes: rows.slice(1, limit + 1), levels, truncated: r.rows.length > limit + 1 };
  };

  app.get('/api/portal/:app/me', { preHandler: signedIn, schema: { summary: "The promoter's profile, share link, balance and downline counts", tags: ['portal'], params: appParams, querystring: { type: 'object', properties: promoterQuery } } }, async (req) => {
    const p = await portal(req);
    const { root: me, levels } = await walk(p, 3, ['name', 'referral_code', 'region', 'bound_at', 'is_promoter'], 0);
    const ledger = await formRuntimeOf(db, p.scope.app, F.ledger);
    const lt = sql.id(safeName(ledger.storage.table));
    const col = (k: string) => sql.ref(`t.${safeName(ledger.byKey.get(k)!.column)}`);
    const b = await sql<{ frozen: string | null; available: string | null; withdrawn: string | null }>`select
        sum(${col('amount')}) filter (where ${col('state')} = 'frozen') as frozen,
        sum(${col('amount')}) filter (where ${col('state')} in ('available', 'paid_out')) as available,
        -sum(${col('amount')}) filter (where ${col('kind')} = 'withdrawal' and ${col('state')} in ('available', 'paid_out')) as withdrawn
      from ${lt} t where ${col('beneficiary')} = ${p.promoter} and ${rowCondition(p.guard(ledger), 'read', 't')}`.execute(db);
    const row = b.rows[0];
    const plan = await planOf(p);
    const code = typeof me.referral_code === 'string' ? me.referral_code : null;
    return {
      user: { id: p.scope.user.id, displayName: p.scope.user.displayName ?? null, phone: p.scope.user.phone ?? null },
      record: { id: me.id, name: me.name ?? null, referral_code: code, region: me.region ?? null, bound_at: me.bound_at ?? null, is_promoter: me.is_promoter ?? null },
      shareUrl: code ? shareUrl(req, p, code) : null,
      balance: { frozen: Number(row?.frozen ?? 0), available: Number(row?.available ?? 0), withdrawn: Number(row?.withdrawn ?? 0) },
      counts: { level1: levels[0]!.count, level2: levels[1]!.count, level3: levels[2]!.count, total: levels.reduce((n, l) => n + l.count, 0) },
      withdraw: { min: Number(plan?.withdraw_min ?? 0), feePercent: Number(plan?.withdraw_fee ?? 0) },
    };
  });

  app.get('/api/portal/:app/downline', {
    preHandler: signedIn,
    schema: { summary: "The promoter's downline tree (levels below them) with counts per level", tags: ['portal'], params: appParams, querystring: { type: 'object', properties: { ...promoterQuery, depth: { type: 'integer', minimum: 1, maximum: MAX_DEPTH } } } },
  }, async (req) => {
    const p = await portal(req);
    const depth = (req.query as { depth?: number }).depth ?? 3;
    const w = await walk(p, depth, ['name', 'referrer'], MAX_NODES);
    const ref = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return {
      root: { id: w.root.id, name: w.root.name ?? null },
      levels: w.levels,
      nodes: w.nodes.map((n) => ({ id: n.id, name: (n.name as string | null | undefined) ?? null, referrer: ref(n.referrer), level: n.level, joinedAt: n.joined_at })),
      truncated: w.truncated,
    };
  });

  app.get('/api/portal/:app/ledger', {
    preHandler: signedIn,
    schema: { summary: "The promoter's commission ledger, newest first", tags: ['portal'], params: appParams, querystring: { type: 'object', properties: { ...promoterQuery, cursor: { type: 'string', maxLength: 2000 }, limit: { type: 'integer', minimum: 1, maximum: 200 } } } },
  }, async (req) => {
    const p = await portal(req);
    const ledger = await formRuntimeOf(db, p.scope.app, F.ledger);
    const q = req.query as { cursor?: string; limit?: number };
    return listRecords(db, ledger, { filter: JSON.stringify({ beneficiary: p.promoter }), sort: '-id', limit: q.limit ?? 50, cursor: q.cursor }, p.guard(ledger));
  });

  app.get('/api/portal/:app/poster.png', { preHandler: signedIn, schema: { summary: "The promoter's share poster (PNG with the QR code of their share link)", tags: ['portal'], params: appParams, querystring: { type: 'object', properties: promoterQuery } } }, async (req, reply) => {
    const p = await portal(req);
    const me = await getRecord(db, p.customers, p.promoter, p.guard(p.customers));
    const code = typeof me.referral_code === 'string' ? me.referral_code : null;
    if (!code) throw new KilnError('NOT_FOUND', 'You have no referral code yet.');
    const locale = localeOf(req);
    const png = await renderPoster({ appName: p.scope.app.name[locale] || p.scope.app.name['zh-CN'], promoterName: String(me.name ?? ''), code, shareUrl: shareUrl(req, p, code), locale });
    reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=300').header('content-disposition', `inline; filename="poster-${code}.png"`);
    return reply.send(png);
  });

  /** The plan's single record (withdrawal minimum and fee), read as the system: settings, not data. */
  async function planOf(p: PortalScope): Promise<Record<string, unknown> | null> {
    const rt = await formRuntimeOf(db, p.scope.app, F.plan).catch(() => null);
    if (!rt) return null;
    const { items } = await listRecords(db, rt, { sort: 'id', limit: 1 });
    return items[0] ?? null;
  }
}

/** The public join link with the promoter's code (the app's public form that takes `ref`). */
function shareUrl(req: FastifyRequest, p: PortalScope, code: string): string {
  const forms = (p.scope.published?.metadata.forms ?? {}) as Record<string, FormDefinition>;
  const join = Object.values(forms).find((f) => f.public?.enabled && f.fields.some((x) => x.key === 'ref'))
    ?? Object.values(forms).find((f) => f.public?.enabled);
  const host = req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost';
  const proto = (req.headers['x-forwarded-proto'] as string | undefined) ?? req.protocol ?? 'http';
  const slug = join?.public?.slug ?? 'join';
  return `${proto}://${host}/f/${slug}?ref=${encodeURIComponent(code)}`;
}
