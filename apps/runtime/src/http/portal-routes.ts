import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { FormDefinition } from '@kiln/engine-forms';
import { recordGuard, rowCondition, type RecordGuard } from '../access/guard.js';
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
   * The people under the promoter down to `depth` (level 1 = invited directly) as CTE `d(id, level)`
   * joined to the customers table `t`, through the caller's customers read policy.
   */
  const downline = (p: PortalScope, depth: number) => {
    const t = sql.id(safeName(p.customers.storage.table));
    const parent = sql.id(safeName(p.customers.byKey.get('referrer')!.column));
    return {
      with: sql`with recursive d(id, level) as (
        select c.id, 1 from ${t} c where c.${parent} = ${p.promoter}
        union all select c.id, d.level + 1 from ${t} c join d on c.${parent} = d.id where d.level < ${depth})`,
      from: sql`d join ${t} t on t.id = d.id where ${rowCondition(p.guard(p.customers), 'read', 't')}`,
    };
  };

  /** Counts per level under the promoter. */
  const levelCounts = async (p: PortalScope, depth: number) => {
    const walk = downline(p, depth);
    const r = await sql<{ level: number; n: string }>`${walk.with} select d.level, count(*) as n from ${walk.from} group by d.level order by d.level`.execute(db);
    const levels = Array.from({ length: depth }, (_, i) => ({ level: i + 1, count: Number(r.rows.find((x) => Number(x.level) === i + 1)?.n ?? 0) }));
    return levels;
  };

  app.get('/api/portal/:app/me', { preHandler: signedIn, schema: { summary: "The promoter's profile, share link, balance and downline counts", tags: ['portal'], params: appParams, querystring: { type: 'object', properties: promoterQuery } } }, async (req) => {
    const p = await portal(req);
    const me = await getRecord(db, p.customers, p.promoter, p.guard(p.customers));
    const ledger = await formRuntimeOf(db, p.scope.app, F.ledger);
    const lt = sql.id(safeName(ledger.storage.table));
    const col = (k: string) => sql.ref(`t.${safeName(ledger.byKey.get(k)!.column)}`);
    const b = await sql<{ frozen: string | null; available: string | null; withdrawn: string | null }>`select
        sum(${col('amount')}) filter (where ${col('state')} = 'frozen') as frozen,
        sum(${col('amount')}) filter (where ${col('state')} in ('available', 'paid_out')) as available,
        -sum(${col('amount')}) filter (where ${col('kind')} = 'withdrawal' and ${col('state')} in ('available', 'paid_out')) as withdrawn
      from ${lt} t where ${col('beneficiary')} = ${p.promoter} and ${rowCondition(p.guard(ledger), 'read', 't')}`.execute(db);
    const row = b.rows[0];
    const levels = await levelCounts(p, 3);
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
    const rt = p.customers;
    const c = (k: string) => sql.ref(`t.${safeName(rt.byKey.get(k)!.column)}`);
    const root = await getRecord(db, rt, p.promoter, p.guard(rt));
    const walk = downline(p, depth);
    const r = await sql<{ id: string; name: string | null; referrer: string | null; level: number; joined_at: string | Date | null }>`${walk.with}
      select t.id, ${c('name')} as name, ${c('referrer')} as referrer, d.level, coalesce(${c('bound_at')}, t.created_at) as joined_at
      from ${walk.from} order by d.level, t.id limit ${MAX_NODES}`.execute(db);
    const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
    return {
      root: { id: root.id, name: root.name ?? null },
      levels: await levelCounts(p, depth),
      nodes: r.rows.map((n) => ({ id: Number(n.id), name: n.name, referrer: n.referrer === null ? null : Number(n.referrer), level: Number(n.level), joinedAt: iso(n.joined_at) })),
      truncated: r.rows.length >= MAX_NODES,
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
