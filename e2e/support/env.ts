import { fileURLToPath } from 'node:url';

/** The admin the runtime under test creates on first start. */
export const ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password' } as const;

/** The monorepo root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Screenshots and the runtime log: kept as test artifacts (git-ignored). */
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
