import { describe, expect, it } from 'vitest';
import { CONNECTOR_ERRORS, CONNECTOR_ERROR_CODES, ConnectorError, connectorErrorsMarkdown, type CallErrorCode, type ConnectorProblemCode } from '../src/index.js';

// The unions of types.ts spelled out: a code added there without a registry entry fails here.
const PROBLEM_CODES: Record<ConnectorProblemCode, true> = {
  CONNECTOR_DEFINITION_INVALID: true, CONNECTOR_EXPRESSION_INVALID: true, CONNECTOR_AUTH_INVALID: true, CONNECTOR_OPERATION_UNKNOWN: true,
  CONNECTOR_FORM_UNKNOWN: true, CONNECTOR_FIELD_UNKNOWN: true, CONNECTOR_HOOK_UNKNOWN: true,
};
const CALL_CODES: Record<CallErrorCode, true> = {
  CONNECTOR_TIMEOUT: true, CONNECTOR_UNREACHABLE: true, CONNECTOR_HTTP_ERROR: true, CONNECTOR_REJECTED: true,
  CONNECTOR_SESSION_EXPIRED: true, CONNECTOR_MAPPING_FAILED: true, CONNECTOR_OPERATION_UNKNOWN: true,
};

describe('error registry', () => {
  it('lists every problem and call error code once', () => {
    const all = new Set([...Object.keys(PROBLEM_CODES), ...Object.keys(CALL_CODES)]);
    expect(new Set(CONNECTOR_ERROR_CODES)).toEqual(all);
    expect(CONNECTOR_ERROR_CODES.length).toBe(all.size);
    expect(Object.keys(CONNECTOR_ERRORS).sort()).toEqual([...all].sort());
  });
  it('gives statuses, bilingual messages and fixes', () => {
    for (const code of CONNECTOR_ERROR_CODES) {
      const e = CONNECTOR_ERRORS[code];
      expect(e.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message.en.length).toBeGreaterThan(5);
      expect(e.fix.length).toBeGreaterThan(20);
    }
    expect(CONNECTOR_ERRORS.CONNECTOR_DEFINITION_INVALID.status).toBe(422);
    expect(CONNECTOR_ERRORS.CONNECTOR_MAPPING_FAILED.status).toBe(422);
    expect(CONNECTOR_ERRORS.CONNECTOR_TIMEOUT.status).toBe(504);
    expect(CONNECTOR_ERRORS.CONNECTOR_REJECTED.status).toBe(502);
    expect(CONNECTOR_ERRORS.CONNECTOR_OPERATION_UNKNOWN.status).toBe(404);
  });
  it('renders a markdown table with one row per code', () => {
    const md = connectorErrorsMarkdown();
    const rows = md.trim().split('\n');
    expect(rows).toHaveLength(CONNECTOR_ERROR_CODES.length + 2);
    for (const code of CONNECTOR_ERROR_CODES) expect(md).toContain(`| \`${code}\` | ${CONNECTOR_ERRORS[code].status} |`);
  });
  it('ConnectorError carries code, path and details', () => {
    const e = new ConnectorError('CONNECTOR_MAPPING_FAILED', 'boom', { path: '/inbound/messageId', details: [1] });
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.path, e.details, e.message, e.name]).toEqual(['CONNECTOR_MAPPING_FAILED', '/inbound/messageId', [1], 'boom', 'ConnectorError']);
    expect(new ConnectorError('CONNECTOR_TIMEOUT', 'x').path).toBeUndefined();
  });
});
