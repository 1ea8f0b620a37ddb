import type { HttpResponseSpec, OperationSample, Transport } from './types.js';

/** A deep copy of a JSON value, so that the preview never shares objects with the definition. */
const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/**
 * A transport answering each step with `sample.responses[step]` (default 200 `{}`), recording
 * nothing: the studio's live preview. `reauthenticate` is absent (a canned session never expires
 * twice the same way), so an `expired` sample response shows CONNECTOR_SESSION_EXPIRED.
 *
 * @example await executeOperation(compiled, 'push_order', ctx, sampleTransport(op.sample))
 */
export function sampleTransport(sample: OperationSample | undefined): Transport {
  return {
    async send(_req, step): Promise<HttpResponseSpec> {
      const r = sample?.responses && Object.hasOwn(sample.responses, step) ? sample.responses[step] : undefined;
      if (!r) return { status: 200, headers: {}, body: {} };
      return { status: r.status, headers: { ...(r.headers ?? {}) }, body: copy(r.body) };
    },
  };
}
