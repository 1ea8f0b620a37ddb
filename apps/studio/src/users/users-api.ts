import { api } from '../api/client';
import type { AdminUser, GroupCount, NewUserInput, UserPatch } from './user-types';

/**
 * The user-administration routes (admin only, except `groups`). Failures are `ApiError`s:
 * `INVALID_USER` (400, `details.fields` names the bad fields) and `USER_EXISTS` (409).
 *
 * @example await usersApi.update(7, { groups: ['finance'], managerId: 3 });
 */
export const usersApi = {
  list: () => api<{ items: AdminUser[] }>('GET', '/users'),
  create: (input: NewUserInput) => api<Pick<AdminUser, 'id' | 'email' | 'role'>>('POST', '/users', input),
  update: (id: number, patch: UserPatch) => api<AdminUser>('PATCH', `/users/${id}`, patch),
  unlock: (id: number) => api<AdminUser>('POST', `/users/${id}/unlock`),
  groups: () => api<{ items: GroupCount[] }>('GET', '/groups'),
};
