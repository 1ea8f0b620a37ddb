/**
 * First path segments under `/app` that name operator pages rather than apps. An app keyed
 * `tasks`, `submissions` or `instances` would be shadowed (as `login` already is).
 */
export const OWN_PAGES = new Set(['tasks', 'submissions', 'instances']);

/** The path segments after `/app`, decoded. */
export function routeOf(pathname: string): string[] {
  return pathname.replace(/^\/app\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

/** The app a path is inside (`/app/{app}/…`), or undefined on the apps list, login and own pages. */
export function appOfPath(pathname: string): string | undefined {
  const first = routeOf(pathname)[0];
  return first && first !== 'login' && !OWN_PAGES.has(first) ? first : undefined;
}

/**
 * A dashboard route, `/app/{app}/dashboards/{key}`: its dashboard key, else undefined. Record
 * ids are numbers and `new`, so a form keyed `dashboards` keeps its record pages.
 */
export function dashboardOf(parts: readonly string[]): string | undefined {
  return parts.length === 3 && parts[1] === 'dashboards' && parts[2] !== 'new' && !/^\d+$/.test(parts[2]) ? parts[2] : undefined;
}

/** The URL of a dashboard page. */
export const dashboardHref = (app: string, key: string) => `/app/${encodeURIComponent(app)}/dashboards/${encodeURIComponent(key)}`;
