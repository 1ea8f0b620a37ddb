import { sql, type Kysely } from 'kysely';

/**
 * Runs a trusted, constant DDL script statement by statement (the extended protocol that both
 * pg and PGlite use takes one command per message). Only for migration text written in this
 * repository — never for anything built from user input.
 */
export async function execScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of script.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}
