import type { Kysely, Transaction } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { ROLES, type Role } from '../context.js';
import { hashPassword } from './password.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;

const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Phone numbers as users sign in with them: digits, optionally a leading +. */
export const PHONE = /^\+?[0-9]{6,20}$/;
const ATTRIBUTE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** `$user.<name>` already means these, so attributes may not shadow them. */
const RESERVED_ATTRIBUTES = new Set(['id', 'email', 'phone', 'record', 'groups', 'role', 'tenantId']);
const MAX_ATTRIBUTES = 50;
const MAX_ATTRIBUTES_BYTES = 4096;

/** A user as the API shows it (never the password hash). */
export interface UserView {
  id: number;
  email: string;
  role: Role;
  tenantId: number;
  displayName: string | null;
  phone: string | null;
  disabled: boolean;
  groups: string[];
  managerId: number | null;
  attributes: Record<string, unknown>;
}

/** Columns of {@link UserView}, for selects. */
export const USER_VIEW_COLUMNS = ['id', 'email', 'role', 'tenant_id as tenantId', 'display_name as displayName', 'phone', 'disabled', 'groups', 'manager_id as managerId', 'attributes'] as const;

/** Called inside the write's transaction with the user before and after it (for the audit trail). */
export type UserAudit = (trx: Transaction<KilnDatabase>, before: UserView | null, after: UserView) => Promise<void>;

export interface NewUser {
  email: string;
  password: string;
  role: string;
  displayName?: string;
  groups?: string[];
  managerId?: number | null;
  /** The workspace (default 1). The manager must be in it too. */
  tenantId?: number;
  phone?: string | null;
  attributes?: Record<string, unknown>;
}

/**
 * Creates a user; refuses bad input (INVALID_USER), taken emails — emails are unique across
 * tenants since sign-in is by email — and phones taken in the tenant (USER_EXISTS). `audit` runs in
 * the insert's transaction.
 */
export async function createUser(db: Kysely<KilnDatabase>, input: NewUser, audit?: UserAudit): Promise<{ id: number; email: string; role: Role; tenantId: number }> {
  const email = String(input.email ?? '').trim().toLowerCase();
  const tenantId = input.tenantId ?? 1;
  const problems: string[] = [];
  if (!EMAIL.test(email) || email.length > 254) problems.push('email');
  if (typeof input.password !== 'string' || input.password.length < 8 || input.password.length > 200) problems.push('password');
  if (!ROLES.includes(input.role as Role)) problems.push('role');
  if (input.groups !== undefined && !validGroups(input.groups)) problems.push('groups');
  if (input.phone !== undefined && input.phone !== null && !(typeof input.phone === 'string' && PHONE.test(input.phone))) problems.push('phone');
  if (input.attributes !== undefined && !validAttributes(input.attributes)) problems.push('attributes');
  if (input.managerId !== undefined && input.managerId !== null && !(await db.selectFrom('users').select('id').where('id', '=', input.managerId).where('tenant_id', '=', tenantId).executeTakeFirst())) problems.push('managerId');
  if (problems.length) throw new KilnError('INVALID_USER', undefined, { fields: problems });
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new KilnError('USER_EXISTS');
  await refuseTakenPhone(db, tenantId, input.phone ?? null, null);
  const password_hash = await hashPassword(input.password);
  const insert = async (trx: Db) => {
    const row = await trx
      .insertInto('users')
      .values({
        email, password_hash, role: input.role, display_name: input.displayName ?? null, groups: [...new Set(input.groups ?? [])], manager_id: input.managerId ?? null,
        tenant_id: tenantId, phone: input.phone ?? null, attributes: JSON.stringify(input.attributes ?? {}),
      })
      .returning(USER_VIEW_COLUMNS)
      .executeTakeFirstOrThrow();
    const after = toView(row);
    if (audit) await audit(trx as Transaction<KilnDatabase>, null, after);
    return after;
  };
  const user = await mapUniqueViolation(() => (audit ? inTransaction(db, insert) : insert(db)));
  return { id: user.id, email: user.email, role: user.role, tenantId: user.tenantId };
}

/** Creates the first admin from the configuration when there is no user yet; says whether it did. */
export async function ensureFirstAdmin(db: Kysely<KilnDatabase>, email: string, password: string): Promise<boolean> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  await createUser(db, { email, password, role: 'admin', displayName: 'Admin' });
  return true;
}

const GROUP = /^[\p{L}\p{N}_.-]{1,64}$/u;

/** Groups (positions such as `sales_lead`) are short names without spaces. */
export function validGroups(groups: unknown): groups is string[] {
  return Array.isArray(groups) && groups.length <= 50 && groups.every((g) => typeof g === 'string' && GROUP.test(g));
}

/**
 * User attributes (what row policies read as `$user.<name>`): a JSON object of at most 50 keys
 * named like identifiers (not `id`, `email`, `phone`, `record`, `groups`, `role`, `tenantId`),
 * at most 4 KB as JSON.
 */
export function validAttributes(attributes: unknown): attributes is Record<string, unknown> {
  if (!attributes || typeof attributes !== 'object' || Array.isArray(attributes)) return false;
  const keys = Object.keys(attributes);
  if (keys.length > MAX_ATTRIBUTES || keys.some((k) => !ATTRIBUTE_KEY.test(k) || RESERVED_ATTRIBUTES.has(k))) return false;
  return Buffer.byteLength(JSON.stringify(attributes)) <= MAX_ATTRIBUTES_BYTES;
}

/** A user of the tenant, or null (users of other tenants are not found). */
export async function userView(db: Db, tenantId: number, id: number): Promise<UserView | null> {
  const row = await db.selectFrom('users').select(USER_VIEW_COLUMNS).where('id', '=', id).where('tenant_id', '=', tenantId).executeTakeFirst();
  return row ? toView(row) : null;
}

/** What {@link updateUser} may change. */
export interface UserPatch {
  displayName?: string | null;
  role?: string;
  groups?: string[];
  managerId?: number | null;
  disabled?: boolean;
  phone?: string | null;
  attributes?: Record<string, unknown>;
}

/**
 * Changes a user's profile, role, groups, manager, phone, attributes or disabled flag within a
 * tenant (a user of another tenant is NOT_FOUND). A manager chain may not loop back to the user
 * (approval escalation walks it) nor leave the tenant. `audit` runs in the update's transaction.
 */
export async function updateUser(db: Kysely<KilnDatabase>, id: number, patch: UserPatch, opts: { tenantId?: number; audit?: UserAudit } = {}): Promise<UserView> {
  const tenantId = opts.tenantId ?? 1;
  const before = await userView(db, tenantId, id);
  if (!before) throw new KilnError('NOT_FOUND', `No user ${id}.`);
  const problems: string[] = [];
  if (patch.role !== undefined && !ROLES.includes(patch.role as Role)) problems.push('role');
  if (patch.groups !== undefined && !validGroups(patch.groups)) problems.push('groups');
  if (patch.phone !== undefined && patch.phone !== null && !(typeof patch.phone === 'string' && PHONE.test(patch.phone))) problems.push('phone');
  if (patch.attributes !== undefined && !validAttributes(patch.attributes)) problems.push('attributes');
  if (patch.managerId !== undefined && patch.managerId !== null) {
    let cur: number | null = patch.managerId;
    for (let i = 0; cur !== null && i < 50; i++) {
      if (cur === id) {
        problems.push('managerId');
        break;
      }
      const r = await db.selectFrom('users').select('manager_id').where('id', '=', cur).where('tenant_id', '=', tenantId).executeTakeFirst();
      if (!r) {
        problems.push('managerId');
        break;
      }
      cur = r.manager_id === null ? null : Number(r.manager_id);
    }
  }
  if (problems.length) throw new KilnError('INVALID_USER', undefined, { fields: problems });
  if (patch.phone) await refuseTakenPhone(db, tenantId, patch.phone, id);
  const set: Record<string, unknown> = {};
  if (patch.displayName !== undefined) set.display_name = patch.displayName;
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.groups !== undefined) set.groups = [...new Set(patch.groups)];
  if (patch.managerId !== undefined) set.manager_id = patch.managerId;
  if (patch.disabled !== undefined) set.disabled = patch.disabled;
  if (patch.phone !== undefined) set.phone = patch.phone;
  if (patch.attributes !== undefined) set.attributes = JSON.stringify(patch.attributes);
  if (!Object.keys(set).length) return before;
  return mapUniqueViolation(() => inTransaction(db, async (trx) => {
    const row = await trx.updateTable('users').set(set).where('id', '=', id).where('tenant_id', '=', tenantId).returning(USER_VIEW_COLUMNS).executeTakeFirst();
    if (!row) throw new KilnError('NOT_FOUND', `No user ${id}.`);
    const after = toView(row);
    if (opts.audit) await opts.audit(trx, before, after);
    return after;
  }));
}

/** The fields of `before`/`after` that differ (for audit entries: only what changed). */
export function userChanges(before: UserView | null, after: UserView): { before: Partial<UserView> | null; after: Partial<UserView> } {
  if (!before) return { before: null, after };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after) as Array<keyof UserView>) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b as Partial<UserView>, after: a as Partial<UserView> };
}

/** Runs `fn` in a transaction: the caller's own if `db` is one, else a new one. */
function inTransaction<T>(db: Kysely<KilnDatabase>, fn: (trx: Transaction<KilnDatabase>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<KilnDatabase>) : db.transaction().execute(fn);
}

async function refuseTakenPhone(db: Db, tenantId: number, phone: string | null, self: number | null): Promise<void> {
  if (!phone) return;
  let q = db.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('phone', '=', phone);
  if (self !== null) q = q.where('id', '!=', self);
  if (await q.executeTakeFirst()) throw new KilnError('USER_EXISTS', 'A user of this workspace already has this phone number.', { field: 'phone' });
}

/** A concurrent insert can still hit the unique indexes after the checks above: same answers. */
async function mapUniqueViolation<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { code?: string; constraint?: string; message?: string };
    if (e.code !== '23505') throw err;
    const phone = /phone/.test(e.constraint ?? e.message ?? '');
    throw new KilnError('USER_EXISTS', phone ? 'A user of this workspace already has this phone number.' : undefined, phone ? { field: 'phone' } : undefined);
  }
}

function toView(row: { id: number; email: string; role: string; tenantId: number; displayName: string | null; phone: string | null; disabled: boolean; groups: string[]; managerId: number | null; attributes: Record<string, unknown> }): UserView {
  return {
    id: row.id, email: row.email, role: row.role as Role, tenantId: Number(row.tenantId), displayName: row.displayName, phone: row.phone, disabled: row.disabled,
    groups: row.groups ?? [], managerId: row.managerId === null ? null : Number(row.managerId), attributes: (row.attributes ?? {}) as Record<string, unknown>,
  };
}
