import { describe, expect, it } from 'vitest';
import { FLOW_ERROR_CODES, FLOW_ERRORS, flowErrorsMarkdown } from '../src/index.js';

describe('FLOW_ERRORS', () => {
  it('has an entry for every code and no other', () => {
    expect(Object.keys(FLOW_ERRORS).sort()).toEqual([...FLOW_ERROR_CODES].sort());
  });
  it('every entry has both messages and a fix', () => {
    for (const e of Object.values(FLOW_ERRORS)) {
      expect(e.message['zh-CN']).not.toBe('');
      expect(e.message.en).not.toBe('');
      expect(e.fix.length).toBeGreaterThan(10);
    }
  });
  it('uses the agreed statuses', () => {
    expect(FLOW_ERRORS.FLOW_TASK_NOT_OPEN.status).toBe(409);
    expect(FLOW_ERRORS.FLOW_NOT_RUNNING.status).toBe(409);
    expect(FLOW_ERRORS.FLOW_WITHDRAW_REFUSED.status).toBe(409);
    expect(FLOW_ERRORS.FLOW_NOT_ALLOWED.status).toBe(403);
    expect(FLOW_ERRORS.FLOW_NODE_NOT_FOUND.status).toBe(404);
    for (const e of Object.values(FLOW_ERRORS)) if (e.when === 'static') expect(e.status).toBe(422);
  });
  it('renders a Markdown table with a row per code', () => {
    const md = flowErrorsMarkdown();
    expect(md.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(FLOW_ERROR_CODES.length);
    expect(md).toContain('| `FLOW_NOT_ALLOWED` | 403 |');
  });
});
