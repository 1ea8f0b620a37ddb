import type { AuthType, ConnectorDefinition } from '@kiln/engine-connectors';
import type { Accessor, Accessors } from '../../reports/model/accessors';
import { AUTH_FIELDS, defaultAuth, setConfigProp } from './auth-fields';
import { withLang } from './text';

type Def = ConnectorDefinition;
const empty = (v: unknown) => v === undefined || v === null || v === '';

function lang(prop: 'name' | 'description', l: 'zh-CN' | 'en'): Accessor<Def> {
  return {
    get: (d) => {
      const v = d[prop];
      return typeof v === 'string' ? v : (v?.[l] ?? '');
    },
    set: (d, v) => {
      const text = withLang(d[prop], l, String(v ?? ''), prop === 'name');
      const next = { ...d };
      if (text === undefined) delete next[prop];
      else next[prop] = text as never;
      return next;
    },
  };
}

function top(prop: 'baseUrl' | 'timeoutMs'): Accessor<Def> {
  return {
    get: (d) => d[prop],
    set: (d, v) => {
      const next = { ...d } as Record<string, unknown>;
      if (empty(v)) delete next[prop];
      else next[prop] = v;
      return next as unknown as Def;
    },
  };
}

function retry(prop: 'maxAttempts' | 'initialDelay' | 'maxDelay'): Accessor<Def> {
  return {
    get: (d) => d.retry?.[prop],
    set: (d, v) => {
      const r: Record<string, unknown> = { ...d.retry };
      if (empty(v)) delete r[prop];
      else r[prop] = v;
      const next = { ...d };
      if (Object.keys(r).length) next.retry = r as Def['retry'];
      else delete next.retry;
      return next;
    },
  };
}

/** An auth property shared by several types (`username`, `appId`): read and written on the current auth. */
function authProp(name: string): Accessor<Def> {
  return {
    get: (d) => {
      const field = AUTH_FIELDS[d.auth?.type ?? 'none'].find((x) => x.name === name);
      return field ? (d.auth as Record<string, unknown> | undefined)?.[field.prop] : undefined;
    },
    set: (d, v) => {
      const field = AUTH_FIELDS[d.auth?.type ?? 'none'].find((x) => x.name === name);
      return field && d.auth ? { ...d, auth: setConfigProp(d.auth, field, v) } : d;
    },
  };
}

const AUTH_FIELD_NAMES = [...new Set(Object.values(AUTH_FIELDS).flatMap((fs) => fs.map((x) => x.name)))];

/**
 * The setup panel's properties (flat names = formily field names = test ids `prop-<name>`):
 * names, description, base URL, auth type and its fields, timeout, rate limit and retry policy.
 */
export const SETUP_ACCESSORS: Accessors<Def> = {
  'name-zh': lang('name', 'zh-CN'),
  'name-en': lang('name', 'en'),
  'description-zh': lang('description', 'zh-CN'),
  'description-en': lang('description', 'en'),
  'base-url': top('baseUrl'),
  timeout: top('timeoutMs'),
  rate: {
    get: (d) => d.rateLimit?.perMinute,
    set: (d, v) => {
      const next = { ...d };
      if (empty(v)) delete next.rateLimit;
      else next.rateLimit = { perMinute: Number(v) };
      return next;
    },
  },
  'retry-max': retry('maxAttempts'),
  'retry-initial': retry('initialDelay'),
  'retry-max-delay': retry('maxDelay'),
  'auth-type': {
    get: (d) => d.auth?.type ?? 'none',
    set: (d, v) => {
      const type = (v || 'none') as AuthType;
      if (d.auth?.type === type) return d;
      const next = { ...d };
      if (type === 'none') delete next.auth;
      else next.auth = defaultAuth(type);
      return next;
    },
  },
  ...Object.fromEntries(AUTH_FIELD_NAMES.map((n) => [n, authProp(n)])),
};
