import type { HttpRequestSpec, HttpResponseSpec } from '@kiln/engine-connectors';
import { useTranslation } from 'react-i18next';

/** A value as indented JSON (strings as they are). */
export function jsonText(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v, null, 2);
  } catch {
    return String(v);
  }
}

/** A request as sent or rendered: method, URL, headers, JSON body (`<testId>-url`, `-headers`, `-body`). */
export function RequestView({ req, testId }: { req: HttpRequestSpec; testId: string }) {
  const { t } = useTranslation();
  const headers = Object.entries(req.headers ?? {});
  return (
    <div className="conn-http conn-request" data-testid={testId} data-method={req.method}>
      <div className="conn-http-line">
        <span className={`conn-verb conn-verb-${req.method.toLowerCase()}`}>{req.method}</span>
        <code className="conn-url" data-testid={`${testId}-url`}>{req.url}</code>
      </div>
      {headers.length > 0 && (
        <table className="conn-headers" data-testid={`${testId}-headers`}>
          <tbody>
            {headers.map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td>
                  <code>{v}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {req.json !== undefined ? (
        <pre className="conn-pre" data-testid={`${testId}-body`}>{jsonText(req.json)}</pre>
      ) : (
        <div className="muted small" data-testid={`${testId}-body`}>{t('connectors.calls.noBody')}</div>
      )}
    </div>
  );
}

/** A response as received: status, its duration, body (`<testId>-status`, `-body`). */
export function ResponseView({ res, testId }: { res: HttpResponseSpec; testId: string }) {
  const ok = res.status >= 200 && res.status < 300;
  return (
    <div className="conn-http conn-response" data-testid={testId} data-status={res.status}>
      <div className="conn-http-line">
        <span className={ok ? 'badge badge-ok' : 'badge badge-bad'} data-testid={`${testId}-status`}>
          {res.status}
        </span>
        {typeof res.durationMs === 'number' && <span className="muted small">{res.durationMs} ms</span>}
      </div>
      <pre className="conn-pre" data-testid={`${testId}-body`}>{jsonText(res.body)}</pre>
    </div>
  );
}

/** A call error: code, message, the server's own messages. */
export function CallErrorView({ error, testId }: { error: { code: string; message: string; step?: string; details?: unknown; permanent?: boolean }; testId: string }) {
  const { t } = useTranslation();
  const details = Array.isArray(error.details) ? error.details.map(String) : [];
  return (
    <div className="error-text conn-call-error" data-testid={testId} data-code={error.code} data-step={error.step ?? ''}>
      <div>
        <code className="error-code">{error.code}</code> {error.message}
        {error.step ? <span className="muted"> · {t('connectors.calls.inStep', { step: error.step })}</span> : null}
        {error.permanent ? <span className="badge badge-bad">{t('connectors.calls.permanent')}</span> : null}
      </div>
      {details.length > 0 && (
        <ul className="conn-details">
          {details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
