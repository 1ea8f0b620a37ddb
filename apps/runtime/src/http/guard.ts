import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { CurrentUser, Role } from '../context.js';
import { KilnError } from '../errors.js';

/**
 * A preHandler that lets through signed-in callers whose role is one of `roles`
 * (admin always passes). Without roles: any signed-in caller.
 */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    currentUser(req, ...roles);
  };
}

/** The caller, or a thrown UNAUTHENTICATED / FORBIDDEN. */
export function currentUser(req: FastifyRequest, ...roles: Role[]): CurrentUser {
  const user = req.user;
  if (!user) throw new KilnError('UNAUTHENTICATED');
  if (roles.length && user.role !== 'admin' && !roles.includes(user.role)) throw new KilnError('FORBIDDEN');
  return user;
}

/**
 * The tenant a request acts in: the signed-in caller's. Anonymous requests (public forms, hooks)
 * address the default tenant unless their route names another.
 */
export function tenantOf(req: FastifyRequest): number {
  return req.user?.tenantId ?? 1;
}

/** The caller's UI language from `?locale=`, then Accept-Language; zh-CN by default. */
export function localeOf(req: FastifyRequest): 'zh-CN' | 'en' {
  const q = (req.query as Record<string, unknown> | undefined)?.locale;
  const pick = typeof q === 'string' ? q : String(req.headers['accept-language'] ?? '');
  return /^en/i.test(pick.trim()) ? 'en' : 'zh-CN';
}
