import { createHash } from 'node:crypto';

/** sha256 (base64url) of a bearer secret (session, API token, magic link): only this is stored. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** `last_used_at` of a session or API token is written at most this often (a write per request would be costly). */
export const TOUCH_INTERVAL_MS = 60_000;
