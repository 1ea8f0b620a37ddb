import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, REPORT_ERROR_CODES, REPORT_ERRORS, ReportError, reportErrorsMarkdown } from '../src/index.js';

describe('REPORT_ERRORS', () => {
  it('has an entry for every code and no other', () => {
    expect(Object.keys(REPORT_ERRORS).sort()).toEqual([...REPORT_ERROR_CODES].sort());
  });
  it('every entry has both messages and a fix', () => {
    for (const e of Object.values(REPORT_ERRORS)) {
      expect(e.message['zh-CN']).not.toBe('');
      expect(e.message.en).not.toBe('');
      expect(e.fix.length).toBeGreaterThan(10);
    }
  });
  it('uses the agreed statuses: 422 definitions, 400 drill/param values, 404 unknown things', () => {
    expect(REPORT_ERRORS.REPORT_FIELD_UNKNOWN.status).toBe(422);
    expect(REPORT_ERRORS.REPORT_DRILL_INVALID.status).toBe(400);
    expect(REPORT_ERRORS.REPORT_PARAM_INVALID.status).toBe(400);
    expect(REPORT_ERRORS.REPORT_FORM_UNKNOWN.status).toBe(404);
    expect(REPORT_ERRORS.REPORT_NOT_FOUND.status).toBe(404);
  });
  it('renders a Markdown table with a row per code', () => {
    const md = reportErrorsMarkdown();
    expect(md.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(REPORT_ERROR_CODES.length);
    expect(md).toContain('| `REPORT_DRILL_INVALID` | 400 |');
  });
  it('ReportError carries code, path, details and both languages', () => {
    const e = new ReportError('REPORT_SORT_INVALID', { 'zh-CN': '排序无效', en: 'Bad sort' }, { path: '/sort/0/by', details: { by: 'x' } });
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.path, e.details, e.message]).toEqual(['REPORT_SORT_INVALID', '/sort/0/by', { by: 'x' }, '排序无效']);
    expect(e.localized('en').message).toBe('Bad sort');
    expect(ENGINE_VERSION).toBe(1);
  });
});
