import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { KilnContext } from '../context.js';
import { writeAudit } from '../audit/log.js';
import { wakeDeliveries } from '../connectors/wake.js';
import { KilnError } from '../errors.js';
import { currentPublished, type AppRow } from '../metadata/apps.js';
import { formRuntimeOf } from '../records/form-runtime.js';
import { findFirst, getRecord } from '../records/service.js';
import { hashSecret } from './secret-hash.js';
import { createUser } from './users.js';

/** Phone codes: valid this long, burnt after this many wrong tries. */
export const CODE_TTL_MS = 5 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
/** Per phone (and tenant): one code a minute, ten a day. */
export const CODE_MIN_INTERVAL_MS = 60_000;
export const CODE_MAX_PER_DAY = 10;
/** Magic links are valid a week, once. */
export const MAGIC_TTL_MS = 7 * 24 * 3600_000;

const DAY_MS = 24 * 3600_000;

/** Where codes go when the app has no `sms` connector (a warning, never the HTTP answer). */
export interface CodeLogger {
  warn(obj: object, msg: string): void;
}

// Plain codes, for GET /api/_test/login-codes only: kept only while the test clock is on.
const testCodes = new WeakMap<KilnContext, Map<string, string>>();

/** The latest code sent to a phone (test clock only; otherwise always null). */
export function latestTestCode(ctx: KilnContext, tenantId: number, phone: string): string | null {
  return testCodes.get(ctx)?.get(`${tenantId}:${phone}`) ?? null;
}

const codeHash = (id: number, code: string) => createHash('sha256').update(`${id}:${code}`).digest('base64url');

/**
 * Sends a 6-digit sign-in code to a phone for an app's promoter portal. Refused with
 * RATE_LIMITED (details.retryAfterSeconds) beyond one a minute or ten a day per phone. The code
 * is stored hashed with its row id and sent through the app's `sms` connector (operation
 * `send_code`, input `{phone, code, app}`) via the outbox; without one it is logged as a warning.
 * A phone that can sign in to nothing (no user with it, no portal record) gets a code row — so
 * rate limits and answers are the same — but nothing is sent.
 */
export async function requestCode(ctx: KilnContext, app: AppRow, tenantId: number, phone: string, log: CodeLogger): Promise<void> {
  const now = ctx.clock.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const eligible = (await findPortalIdentity(ctx, app, tenantId, phone)) !== null;
  const connector = eligible ? smsConnector(await currentPublished(ctx.db, app)) : false;
  await ctx.db.transaction().execute(async (trx) => {
    // Serialise requests for one phone so two at once cannot both pass the limits.
    await sql`select pg_advisory_xact_lock(hashtext(${`kiln:login-code:${tenantId}:${phone}`}))`.execute(trx);
    const recent = await trx.selectFrom('login_codes').select(['created_at'])
      .where('tenant_id', '=', tenantId).where('kind', '=', 'sms').where('target', '=', phone)
      .where('created_at', '>', new Date(now.getTime() - DAY_MS).toISOString()).orderBy('id', 'desc').execute();
    const latest = recent[0] ? new Date(recent[0].created_at).getTime() : null;
    if (latest !== null && now.getTime() - latest < CODE_MIN_INTERVAL_MS) throw rateLimited(latest + CODE_MIN_INTERVAL_MS - now.getTime());
    if (recent.length >= CODE_MAX_PER_DAY) throw rateLimited(new Date(recent[CODE_MAX_PER_DAY - 1]!.created_at).getTime() + DAY_MS - now.getTime());
    const row = await trx.insertInto('login_codes').values({
      tenant_id: tenantId, kind: 'sms', target: phone, code_hash: `pending:${randomUUID()}`, app_id: app.id,
      created_at: now.toISOString(), expires_at: new Date(now.getTime() + CODE_TTL_MS).toISOString(), used_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('login_codes').set({ code_hash: codeHash(row.id, code) }).where('id', '=', row.id).execute();
    if (connector) {
      await trx.insertInto('outbox').values({
        app_id: app.id, kind: 'connector', target: 'sms', operation: 'send_code', payload: JSON.stringify({ phone, code, app: app.key }) as never, secret_keys: sql<string[]>`array['code']::text[]`,
        dedupe_key: `login-code:${row.id}`, created_at: now.toISOString(), updated_at: now.toISOString(), next_attempt_at: now.toISOString(),
      }).onConflict((oc) => oc.doNothing()).execute();
    }
  });
  if (ctx.config.testClock) {
    let map = testCodes.get(ctx);
    if (!map) testCodes.set(ctx, (map = new Map()));
    map.set(`${tenantId}:${phone}`, code);
  }
  if (connector) wakeDeliveries(ctx);
  else if (eligible) log.warn({ app: app.key, phone }, `no sms connector; code for ${phone} in app ${app.key}: ${code}`);
}

/**
 * Checks a phone code and answers the user it signs in (creating the promoter's account on
 * first sign-in, see {@link portalUser}). Only the latest code of the phone counts; it must be
 * for this app, unused, unexpired and tried fewer than 5 times. Anything else is
 * INVALID_CREDENTIALS (and a wrong code uses up one try).
 */
export async function verifyCode(ctx: KilnContext, app: AppRow, tenantId: number, phone: string, code: string): Promise<number> {
  const now = ctx.clock.now();
  const row = await ctx.db.selectFrom('login_codes').select(['id', 'code_hash', 'app_id', 'expires_at', 'attempts', 'used_at'])
    .where('tenant_id', '=', tenantId).where('kind', '=', 'sms').where('target', '=', phone).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row || row.app_id !== app.id || row.used_at !== null || new Date(row.expires_at).getTime() <= now.getTime() || row.attempts >= CODE_MAX_ATTEMPTS) throw new KilnError('INVALID_CREDENTIALS');
  const expected = Buffer.from(row.code_hash);
  const given = Buffer.from(codeHash(row.id, code));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    await ctx.db.updateTable('login_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', row.id).where('attempts', '<', CODE_MAX_ATTEMPTS).execute();
    throw new KilnError('INVALID_CREDENTIALS');
  }
  // Used at most once even when two requests race.
  const used = await ctx.db.updateTable('login_codes').set({ used_at: now.toISOString() }).where('id', '=', row.id).where('used_at', 'is', null).where('attempts', '<', CODE_MAX_ATTEMPTS).executeTakeFirst();
  if (!Number(used.numUpdatedRows)) throw new KilnError('INVALID_CREDENTIALS');
  const userId = await portalUser(ctx, app, tenantId, phone);
  if (userId === null) throw new KilnError('INVALID_CREDENTIALS');
  return userId;
}

interface PortalRole {
  key: string;
  portal?: string;
  self?: { form: string; field: string; userAttr: string };
}

type Identity = { userId: number } | { roleKey: string; recordId: number; rt: Awaited<ReturnType<typeof formRuntimeOf>> };

/**
 * Who a phone signs in as in an app: the tenant's (enabled, promoter) user with that phone, else — for a
 * published role with `portal: 'promoter'` and `self` matching on the phone — the record of
 * `self.form` whose `self.field` is the phone (an account is made on first sign-in); else null.
 */
async function findPortalIdentity(ctx: KilnContext, app: AppRow, tenantId: number, phone: string): Promise<Identity | null> {
  const user = await ctx.db.selectFrom('users').select(['id', 'disabled', 'role']).where('tenant_id', '=', tenantId).where('phone', '=', phone).executeTakeFirst();
  // Codes sign in promoters only: staff accounts keep their password (and its lockout).
  if (user) return user.disabled || user.role !== 'promoter' ? null : { userId: user.id };
  const published = await currentPublished(ctx.db, app);
  for (const [key, role] of Object.entries((published?.metadata.roles ?? {}) as Record<string, PortalRole>)) {
    if (role?.portal !== 'promoter' || role.self?.userAttr !== 'phone') continue;
    try {
      const rt = await formRuntimeOf(ctx.db, app, role.self.form);
      const recordId = await findFirst(ctx.db, rt, { [role.self.field]: phone });
      if (recordId !== null) return { roleKey: key, recordId, rt };
    } catch {
      // A role pointing at a form or field that is not published cannot match anyone.
    }
  }
  return null;
}

/** The user a verified phone signs in as, creating the promoter account from its record if needed; null if none. */
async function portalUser(ctx: KilnContext, app: AppRow, tenantId: number, phone: string): Promise<number | null> {
  const found = await findPortalIdentity(ctx, app, tenantId, phone);
  if (!found) return null;
  if ('userId' in found) return found.userId;
  const record = await getRecord(ctx.db, found.rt, found.recordId);
  const name = typeof record.name === 'string' && record.name.trim() ? record.name.trim().slice(0, 100) : undefined;
  try {
    const user = await createUser(ctx.db, {
      email: `phone-${phone.replace(/\D/g, '')}.t${tenantId}@portal.kiln.invalid`, password: randomBytes(24).toString('base64url'), role: 'promoter',
      displayName: name, phone, tenantId,
    }, async (trx, _before, after) => {
      await trx.insertInto('app_members').values({ app_id: app.id, user_id: after.id, role_key: found.roleKey, created_at: ctx.clock.now().toISOString() }).onConflict((oc) => oc.doNothing()).execute();
      await writeAudit(trx, ctx.clock.now(), { kind: 'system', tenantId }, { action: 'user.create', appId: app.id, target: `user:${after.id}`, before: null, after: { ...after, via: 'portal', record: found.recordId } });
    });
    return user.id;
  } catch (err) {
    // Another sign-in created it a moment ago.
    if (!(err instanceof KilnError && err.code === 'USER_EXISTS')) throw err;
    const again = await ctx.db.selectFrom('users').select(['id', 'disabled', 'role']).where('tenant_id', '=', tenantId).where('phone', '=', phone).executeTakeFirst();
    return again && !again.disabled && again.role === 'promoter' ? again.id : null;
  }
}

/**
 * A single-use sign-in link for a user of the tenant, valid a week: the secret goes in the URL
 * fragment (never sent to servers or logs by browsers), only its hash is stored.
 */
export async function createMagicLink(ctx: KilnContext, app: AppRow, tenantId: number, userId: number): Promise<{ token: string; expiresAt: string }> {
  const now = ctx.clock.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + MAGIC_TTL_MS).toISOString();
  await ctx.db.insertInto('login_codes').values({
    tenant_id: tenantId, kind: 'magic', target: String(userId), code_hash: hashSecret(token), app_id: app.id,
    created_at: now.toISOString(), expires_at: expiresAt, used_at: null,
  }).execute();
  return { token, expiresAt };
}

/** Uses up a magic link: the user it signs in (an enabled promoter, still in the tenant) and its app; INVALID_CREDENTIALS otherwise. */
export async function consumeMagicLink(ctx: KilnContext, token: string): Promise<{ userId: number; tenantId: number; appId: number | null }> {
  const now = ctx.clock.now().toISOString();
  const row = await ctx.db.updateTable('login_codes').set({ used_at: now })
    .where('kind', '=', 'magic').where('code_hash', '=', hashSecret(token)).where('used_at', 'is', null).where('expires_at', '>', now)
    .returning(['tenant_id', 'target', 'app_id']).executeTakeFirst();
  if (!row) throw new KilnError('INVALID_CREDENTIALS', 'This sign-in link is invalid, used or expired.');
  const userId = Number(row.target);
  const user = await ctx.db.selectFrom('users').select(['id', 'disabled', 'role']).where('id', '=', userId).where('tenant_id', '=', row.tenant_id).executeTakeFirst();
  if (!user || user.disabled || user.role !== 'promoter') throw new KilnError('INVALID_CREDENTIALS', 'This sign-in link is invalid, used or expired.');
  return { userId, tenantId: Number(row.tenant_id), appId: row.app_id };
}

/** Whether the published metadata has an `sms` connector with a `send_code` operation. */
function smsConnector(published: Awaited<ReturnType<typeof currentPublished>>): boolean {
  const sms = published?.metadata.connectors?.sms as { operations?: Record<string, unknown> } | undefined;
  return Boolean(sms?.operations && Object.hasOwn(sms.operations, 'send_code'));
}

function rateLimited(ms: number): KilnError {
  const retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000));
  return new KilnError('RATE_LIMITED', `Too many codes for this phone; retry in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}
