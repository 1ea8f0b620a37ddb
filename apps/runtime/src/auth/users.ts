import type { Kysely } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { ROLES, type Role } from '../context.js';
import { hashPassword } from './password.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Creates a user; refuses bad input (INVALID_USER) and taken emails (USER_EXISTS). */
export async function createUser(db: Kysely<KilnDatabase>, input: { email: string; password: string; role: string; displayName?: string; groups?: string[]; managerId?: number | null }): Promise<{ id: number; email: string; role: Role }> {
  const email = String(input.email ?? '').trim().toLowerCase();
  const problems: string[] = [];
  if (!EMAIL.test(email) || email.length > 254) problems.push('email');
  if (typeof input.password !== 'string' || input.password.length < 8 || input.password.length > 200) problems.push('password');
  if (!ROLES.includes(input.role as Role)) problems.push('role');
  if (input.groups !== undefined && !validGroups(input.groups)) problems.push('groups');
  if (input.managerId !== undefined && input.managerId !== null && !(await db.selectFrom('users').select('id').where('id', '=', input.managerId).executeTakeFirst())) problems.push('managerId');
  if (problems.length) throw new KilnError('INVALID_USER', undefined, { fields: problems });
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new KilnError('USER_EXISTS');
  const password_hash = await hashPassword(input.password);
  const row = await db
    .insertInto('users')
    .values({ email, password_hash, role: input.role, display_name: input.displayName ?? null, groups: [...new Set(input.groups ?? [])], manager_id: input.managerId ?? null })
    .returning(['id', 'email', 'role'])
    .executeTakeFirstOrThrow();
  return { id: row.id, email: row.email, role: row.role as Role };
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
 * Changes a user's profile, role, groups, manager or disabled flag. A manager chain may not
 * loop back to the user (approval escalation walks it).
 */
export async function updateUser(db: Kysely<KilnDatabase>, id: number, patch: { displayName?: string | null; role?: string; groups?: string[]; managerId?: number | null; disabled?: boolean }): Promise<void> {
  const problems: string[] = [];
  if (patch.role !== undefined && !ROLES.includes(patch.role as Role)) problems.push('role');
  if (patch.groups !== undefined && !validGroups(patch.groups)) problems.push('groups');
  if (patch.managerId !== undefined && patch.managerId !== null) {
    let cur: number | null = patch.managerId;
    for (let i = 0; cur !== null && i < 50; i++) {
      if (cur === id) {
        problems.push('managerId');
        break;
      }
      const r = await db.selectFrom('users').select('manager_id').where('id', '=', cur).executeTakeFirst();
      if (!r) {
        problems.push('managerId');
        break;
      }
      cur = r.manager_id === null ? null : Number(r.manager_id);
    }
  }
  if (problems.length) throw new KilnError('INVALID_USER', undefined, { fields: problems });
  const set: Record<string, unknown> = {};
  if (patch.displayName !== undefined) set.display_name = patch.displayName;
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.groups !== undefined) set.groups = [...new Set(patch.groups)];
  if (patch.managerId !== undefined) set.manager_id = patch.managerId;
  if (patch.disabled !== undefined) set.disabled = patch.disabled;
  if (!Object.keys(set).length) return;
  const r = await db.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw new KilnError('NOT_FOUND', `No user ${id}.`);
}
