import type { HttpRequestSpec, HttpResponseSpec, Transport } from '@kiln/engine-connectors';
import { setHeader, type Authenticator } from './auth.js';
import { httpRequest } from './http.js';
import { AuthFailure } from './logins.js';

/** The runtime's transport: real HTTP with credentials; remembers a login failure for the caller. */
export interface HttpTransport extends Transport {
  readonly auth: Authenticator;
  /** The last credentials failure (missing secret, refused login) seen while sending, if any. */
  readonly failure: AuthFailure | null;
  reauthenticate(): Promise<void>;
}

/**
 * A {@link Transport} over `fetch`: serializes the JSON body, adds the connector's credentials
 * (the engine's request spec, which the step log keeps, never holds them), sends with
 * `AbortSignal.timeout(timeoutMs)` and parses the answer (lossless JSON). Timeouts and
 * connection failures throw TransportError; a failed login throws AuthFailure (also kept in
 * `failure`, so the caller can report it with its own code whatever the engine makes of it).
 */
export function httpTransport(auth: Authenticator, timeoutMs: number): HttpTransport {
  let failure: AuthFailure | null = null;
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof AuthFailure) failure = err;
      throw err;
    }
  };
  return {
    auth,
    get failure() {
      return failure;
    },
    async send(req: HttpRequestSpec): Promise<HttpResponseSpec> {
      const body = req.json === undefined ? undefined : JSON.stringify(req.json);
      const headers = { ...req.headers };
      if (body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) setHeader(headers, 'content-type', 'application/json');
      const out = await guard(() => auth.apply({ method: req.method, url: req.url, headers, body }));
      const res = await httpRequest(req.method, out.url, out.headers, req.method === 'GET' ? undefined : out.body, timeoutMs);
      return { status: res.status, headers: res.headers, body: res.body, durationMs: res.durationMs };
    },
    reauthenticate: () => guard(() => auth.reauthenticate()),
  };
}
