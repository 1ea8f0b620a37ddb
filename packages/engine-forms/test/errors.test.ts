import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FORM_ERRORS, formErrorMessage, formErrorsMarkdown } from '../src/index.js';
import { fixtureNames } from './fixtures.js';

describe('FORM_ERRORS', () => {
  const codes = Object.keys(FORM_ERRORS) as Array<keyof typeof FORM_ERRORS>;
  it('has stable FORM_ codes, 4xx statuses, both languages and a fix', () => {
    for (const c of codes) {
      const e = FORM_ERRORS[c];
      expect(c).toMatch(/^FORM_[A-Z_]+$/);
      expect(e.status).toBeGreaterThanOrEqual(400);
      expect(e.status).toBeLessThan(500);
      expect(e.message['zh-CN']).not.toBe('');
      expect(e.message.en).not.toBe('');
      expect(e.fix).not.toBe('');
    }
  });
  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const c of codes) expect(names(FORM_ERRORS[c].message.en), c).toEqual(names(FORM_ERRORS[c].message['zh-CN']));
  });
  it('fills placeholders', () => {
    expect(formErrorMessage('FORM_REQUIRED', 'zh-CN', { label: '手机号' })).toBe('手机号 是必填项');
    expect(formErrorMessage('FORM_REQUIRED', 'en', { label: 'Phone' })).toBe('Phone is required');
  });
  it('renders a markdown table with a row per code', () => {
    const md = formErrorsMarkdown();
    const lines = md.trim().split('\n');
    expect(lines[0]).toBe('| Code | HTTP | Message | 中文 | Fix |');
    expect(lines).toHaveLength(codes.length + 2);
    expect(md).toContain('| `FORM_REQUIRED` | 422 | {label} is required |');
  });

  it('every code the engine produces is exercised by a test-data fixture', () => {
    // Runtime-only codes: the API wrapper, the unique-index violation, the unknown-keyword fallback.
    const runtimeOnly = new Set(['FORM_VALIDATION_FAILED', 'FORM_DUPLICATE', 'FORM_INVALID']);
    const text = [...fixtureNames('error-'), ...fixtureNames('records-')]
      .map((f) => readFileSync(new URL(`../test-data/${f}`, import.meta.url), 'utf8'))
      .join('\n');
    expect(codes.filter((c) => !runtimeOnly.has(c) && !text.includes(`"${c}"`))).toEqual([]);
  });
});
