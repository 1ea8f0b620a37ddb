/** The studio's routes, matched against the in-app path. */
export type Route =
  | { name: 'login' }
  | { name: 'users' }
  | { name: 'apps' }
  | { name: 'app'; app: string }
  | { name: 'form'; app: string; form: string }
  | { name: 'rule'; app: string; rule: string }
  | { name: 'flow'; app: string; flow: string }
  | { name: 'report'; app: string; report: string }
  | { name: 'dashboard'; app: string; dashboard: string }
  | { name: 'connector'; app: string; connector: string }
  | { name: 'roles'; app: string; role: string | null }
  | { name: 'audit' }
  | { name: 'notFound' };

/** Parses an in-app path into a {@link Route}. */
export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'apps' };
  if (parts[0] === 'login' && parts.length === 1) return { name: 'login' };
  if (parts[0] === 'users' && parts.length === 1) return { name: 'users' };
  if (parts[0] === 'audit' && parts.length === 1) return { name: 'audit' };
  if (parts[0] === 'apps' && parts.length === 2) return { name: 'app', app: parts[1] };
  if (parts[0] === 'apps' && parts.length === 4 && parts[2] === 'forms') {
    return { name: 'form', app: parts[1], form: parts[3] };
  }
  if (parts[0] === 'apps' && parts.length === 4 && parts[2] === 'rules') {
    return { name: 'rule', app: parts[1], rule: parts[3] };
  }
  if (parts[0] === 'apps' && parts.length === 4 && parts[2] === 'flows') {
    return { name: 'flow', app: parts[1], flow: parts[3] };
  }
  if (parts[0] === 'apps' && parts.length === 4 && parts[2] === 'reports') {
    return { name: 'report', app: parts[1], report: parts[3] };
  }
  if (parts[0] === 'apps' && parts.length === 4 && parts[2] === 'dashboards') {
    return { name: 'dashboard', app: parts[1], dashboard: parts[3] };
  }
  if (parts[0] === 'apps' && parts.length === 4 && parts[2] === 'connectors') {
    return { name: 'connector', app: parts[1], connector: parts[3] };
  }
  if (parts[0] === 'apps' && (parts.length === 3 || parts.length === 4) && parts[2] === 'roles') {
    return { name: 'roles', app: parts[1], role: parts[3] ?? null };
  }
  return { name: 'notFound' };
}

/** Builds in-app paths. */
export const paths = {
  apps: () => '/',
  login: () => '/login',
  users: () => '/users',
  app: (app: string) => `/apps/${encodeURIComponent(app)}`,
  form: (app: string, form: string) => `/apps/${encodeURIComponent(app)}/forms/${encodeURIComponent(form)}`,
  rule: (app: string, rule: string) => `/apps/${encodeURIComponent(app)}/rules/${encodeURIComponent(rule)}`,
  flow: (app: string, flow: string) => `/apps/${encodeURIComponent(app)}/flows/${encodeURIComponent(flow)}`,
  report: (app: string, report: string) => `/apps/${encodeURIComponent(app)}/reports/${encodeURIComponent(report)}`,
  dashboard: (app: string, dashboard: string) => `/apps/${encodeURIComponent(app)}/dashboards/${encodeURIComponent(dashboard)}`,
  connector: (app: string, connector: string) => `/apps/${encodeURIComponent(app)}/connectors/${encodeURIComponent(connector)}`,
  roles: (app: string, role?: string) => `/apps/${encodeURIComponent(app)}/roles${role ? `/${encodeURIComponent(role)}` : ''}`,
  audit: () => '/audit',
};
