/** A tiny JSON client for the runtime's HTTP API, used to set up and to check what was stored. */
export class Api {
  constructor(
    readonly baseUrl: string,
    private token?: string,
  ) {}

  /** Logs in and returns a client that sends the bearer token. */
  static async login(baseUrl: string, email: string, password: string): Promise<Api> {
    const { token } = await new Api(baseUrl).call<{ token: string }>('POST', '/api/auth/login', { email, password });
    return new Api(baseUrl, token);
  }

  async call<T>(method: string, path: string, body?: unknown, expectStatus?: number): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const ok = expectStatus === undefined ? res.ok : res.status === expectStatus;
    if (!ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
