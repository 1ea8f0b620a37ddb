import type { GrantAction } from '../model/types';

/** What a user may do with one form (the `access` object of `GET /api/apps/{app}`). */
export type FormAccess = Record<GrantAction, boolean> & {
  /** Fields the user never sees. */
  hidden: string[];
  /** Fields the user sees but cannot change. */
  readOnly: string[];
};

/** A user's effective access to an app, under its published roles. */
export interface AppAccess {
  roles: string[];
  forms: Record<string, FormAccess>;
  flows: Record<string, { start: boolean }>;
  reports: string[] | '*';
  portal?: 'promoter';
}

/** `GET /api/apps/{app}/access/preview?user=`: the access plus the user's own record (`$user.record`). */
export interface AccessPreview extends AppAccess {
  self: number | string | null;
}

/** One explicit member of an app (`GET /api/apps/{app}/members`). */
export interface AppMember {
  userId: number;
  email: string;
  displayName: string | null;
  roles: string[];
}

/** One API token of an app, as listed (never the token itself). */
export interface ApiToken {
  id: number;
  name: string;
  role: string;
  prefix: string;
  createdAt: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/apps/{app}/tokens`: the new token, whose secret `token` is shown this once. */
export interface CreatedToken extends ApiToken {
  token: string;
}

/** Body of `POST /api/apps/{app}/tokens`. */
export interface NewTokenInput {
  name: string;
  role: string;
  expiresAt?: string;
}
