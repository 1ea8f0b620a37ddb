/** The roles a user can have, as the runtime knows them (`ROLES` in apps/runtime/src/context.ts). */
export const USER_ROLES = ['admin', 'builder', 'operator', 'promoter'] as const;

/** One of {@link USER_ROLES}. */
export type UserRole = (typeof USER_ROLES)[number];

/** One user of `GET /api/users` (admin only). */
export interface AdminUser {
  id: number;
  email: string;
  role: UserRole;
  displayName: string | null;
  disabled: boolean;
  createdAt: string;
  /** Groups / positions (岗位) such as `sales_lead`: approval steps assign tasks by them. */
  groups: string[];
  /** The user's manager: escalations and "manager of the submitter" steps walk this chain. */
  managerId: number | null;
  /** When a sign-in lock (too many failed passwords) ends, if one was set. */
  lockedUntil: string | null;
  /** Whether the lock is in force now (the runtime's clock). */
  locked: boolean;
}

/** Body of `POST /api/users`. */
export interface NewUserInput {
  email: string;
  password: string;
  role: UserRole;
  displayName?: string;
  groups?: string[];
  managerId?: number | null;
}

/** Body of `PATCH /api/users/{id}`: only the properties being changed. */
export interface UserPatch {
  displayName?: string | null;
  role?: UserRole;
  groups?: string[];
  managerId?: number | null;
  disabled?: boolean;
}

/** One group of `GET /api/groups`, with its number of active users. */
export interface GroupCount {
  key: string;
  users: number;
}

/** The fields of the user dialogs the server can name in `INVALID_USER.details.fields`. */
export type UserField = 'email' | 'password' | 'role' | 'displayName' | 'groups' | 'managerId';

/** The name a person reads for `user`: the display name, else the email. */
export function userLabel(user: Pick<AdminUser, 'email' | 'displayName'>): string {
  return user.displayName?.trim() || user.email;
}
