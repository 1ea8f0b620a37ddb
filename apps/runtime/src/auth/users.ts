import type { Kysely } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { ROLES, type Role } from '../context.js';
import { hashPassword } from './password.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Creates a user; refuses bad input (INVALID_USER) and taken emails (USER_EXISTS). */
export async function createUser(db: Kysely<KilnDatabase>, input: { email: string; password: string; role: string; displayName?: string }): Promise<{ id: number; email: string; role: Role }> {
  const email = String(input.email ?? '').trim().toLowerCase();
  const problems: string[] = [];
  if (!EMAIL.test(email) || email.length > 254) problems.push('email');
  if (typeof input.password !== 'string' || input.password.length < 8 || input.password.length > 200) problems.push('password');
  if (!ROLES.includes(input.role as Role)) problems.push('role');
  if (problems.length) throw new KilnError('INVALID_USER', undefined, { fields: problems });
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new KilnError('USER_EXISTS');
  const password_hash = await hashPassword(input.password);
  const row = await db
    .insertInto('users')
    .values({ email, password_hash, role: input.role, display_name: input.displayName ?? null })
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
