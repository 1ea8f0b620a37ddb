/**
 * A problem path as the property panel addresses it: a pointer into the node's `data`.
 * `validateFlow` points into the node (`/data/rejectWhen`), a refused publish into the
 * definition (`/nodes/3/data/rejectWhen`); both become `/rejectWhen`. Other node paths
 * (`/type`) stay as they are.
 */
export function nodeDataPath(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const inNode = path.replace(/^\/nodes\/[^/]+/, '');
  if (inNode === '/data') return undefined;
  return inNode.startsWith('/data/') ? inNode.slice(5) : inNode || undefined;
}
