import type { FastifyRequest } from 'fastify';
import type { CurrentUser, KilnContext } from '../context.js';
import { KilnError } from '../errors.js';
import { actorOf } from '../audit/log.js';
import { userView } from '../auth/users.js';
import { currentUser } from '../http/guard.js';
import { appForMember, currentPublished, type AppRow, type Published } from '../metadata/apps.js';
import { formRuntimeOf, type FormRuntime } from '../records/form-runtime.js';
import type { WriteActor } from '../rules/scope.js';
import { recordGuard, type RecordGuard } from './guard.js';
import { accessFor, type AppAccess } from './resolve.js';

/** A request's view of one app: who asks (maybe "viewed as" another user), the app, its access. */
export interface AppScope {
  user: CurrentUser;
  app: AppRow;
  published: Published | null;
  access: AppAccess;
  /** The caller is an admin or builder previewing another user's view (reads only). */
  viewAs: boolean;
}

const VIEW_AS = 'x-kiln-view-as';

/** A user of the caller's tenant as the access layer sees them (for "view as" previews). */
export async function userForPreview(ctx: KilnContext, tenantId: number, id: number): Promise<CurrentUser> {
  const v = await userView(ctx.db, tenantId, id);
  if (!v) throw new KilnError('NOT_FOUND', `No user ${id}.`);
  return { id: v.id, email: v.email, role: v.role, tenantId: v.tenantId, displayName: v.displayName, phone: v.phone, groups: v.groups, attributes: v.attributes, via: 'session' };
}

/**
 * Resolves the app of a request within the caller's tenant and the caller's access to it.
 * With `X-Kiln-View-As: <userId>` (admins and builders only; `reads` routes only) the access is
 * that user's, so the studio can preview what they would see.
 */
export async function appScope(ctx: KilnContext, req: FastifyRequest, appKey: string, opts: { reads?: boolean } = {}): Promise<AppScope> {
  const caller = currentUser(req);
  // The app row and the caller's explicit app roles in one round trip.
  const { memberRoles, ...app } = await appForMember(ctx.db, appKey, caller.tenantId, caller.id);
  const published = await currentPublished(ctx.db, app);
  const header = req.headers[VIEW_AS];
  if (header !== undefined) {
    if (!opts.reads) throw new KilnError('FORBIDDEN', '"View as" previews are read-only.');
    if (caller.role !== 'admin' && caller.role !== 'builder') throw new KilnError('FORBIDDEN', 'Only admins and builders may view as another user.');
    const id = Number(header);
    if (!Number.isSafeInteger(id) || id < 1) throw new KilnError('BAD_REQUEST', `${VIEW_AS} takes a user id.`);
    const user = await userForPreview(ctx, caller.tenantId, id);
    return { user, app, published, access: await accessFor(ctx.db, user, app, published), viewAs: true };
  }
  return { user: caller, app, published, access: await accessFor(ctx.db, caller, app, published, memberRoles), viewAs: false };
}

/** A request's view of one form: the compiled runtime and the caller's guard on it. */
export interface FormScope extends AppScope {
  rt: FormRuntime;
  guard: RecordGuard;
}

/** Like {@link appScope} for one published form of the app. */
export async function formScope(ctx: KilnContext, req: FastifyRequest, appKey: string, formKey: string, opts: { reads?: boolean } = {}): Promise<FormScope> {
  const s = await appScope(ctx, req, appKey, opts);
  const rt = await formRuntimeOf(ctx.db, s.app, formKey);
  return { ...s, rt, guard: recordGuard(s.access, rt, s.user) };
}

/** The audit actor of a request. */
export function requestActor(req: FastifyRequest): WriteActor {
  const { tenantId: _tenant, ...actor } = actorOf(req.user, req.ip);
  return actor;
}
