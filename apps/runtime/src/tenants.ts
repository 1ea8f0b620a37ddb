import type { Kysely } from 'kysely';
import type { KilnDatabase } from './db/schema.js';
import { KilnError } from './errors.js';
import { createUser } from './auth/users.js';
import { DEFAULT_TENANT } from './metadata/apps.js';

const TENANT_KEY = /^[a-z][a-z0-9-]{1,39}$/;

/**
 * Creates a workspace and its first admin in one transaction. Tenants share the database; every
 * app, user, record, task and delivery of one is invisible to the others.
 */
export async function createTenant(db: Kysely<KilnDatabase>, input: { key: string; name?: string; adminEmail: string; adminPassword: string }): Promise<{ id: number; key: string; name: string; admin: { id: number; email: string } }> {
  if (typeof input.key !== 'string' || !TENANT_KEY.test(input.key)) throw new KilnError('INVALID_KEY', 'A workspace key is 2–40 lower-case letters, digits or dashes, starting with a letter.', { path: '/key' });
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('tenants').values({ key: input.key, name: (input.name ?? input.key).slice(0, 100) })
      .onConflict((oc) => oc.column('key').doNothing()).returning(['id', 'key', 'name']).executeTakeFirst();
    if (!row) throw new KilnError('TENANT_EXISTS', `A workspace "${input.key}" already exists.`);
    const admin = await createUser(trx, { email: input.adminEmail, password: input.adminPassword, role: 'admin', displayName: 'Admin', tenantId: row.id });
    return { id: Number(row.id), key: row.key, name: row.name, admin: { id: admin.id, email: admin.email } };
  });
}

/**
 * The workspace an anonymous request names (`?tenant=<key>` on hooks, `tenant` on portal sign-in),
 * or the default one when it names none. An unknown key answers like an unknown app.
 */
export async function tenantIdByKey(db: Kysely<KilnDatabase>, key: unknown): Promise<number> {
  if (key === undefined || key === null || key === '') return DEFAULT_TENANT;
  const row = typeof key === 'string' ? await db.selectFrom('tenants').select('id').where('key', '=', key).executeTakeFirst() : undefined;
  if (!row) throw new KilnError('APP_NOT_FOUND', 'No such app.');
  return Number(row.id);
}
