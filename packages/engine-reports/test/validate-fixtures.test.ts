import { describe, expect, it } from 'vitest';
import { validateReport, type ReportProblem } from '../src/index.js';
import { catalogs, readReport, reportFiles, type ErrorFixture } from './fixtures.js';

// test-data/reports/error-*.json must be refused with (at least) the listed problems.
describe('validateReport: error fixtures', () => {
  const files = reportFiles('error-');
  it('there are error fixtures', () => expect(files.length).toBeGreaterThanOrEqual(15));
  for (const file of files) {
    const fx = readReport<ErrorFixture>(file);
    it(`${file}: ${fx.description}`, () => {
      const got = validateReport(fx.definition, { forms: catalogs[fx.catalog]!.forms as never });
      for (const want of fx.problems) expect(got, `${file}: ${JSON.stringify(want)}\n${JSON.stringify(got, null, 1)}`).toContainEqual(expect.objectContaining(want));
    });
    it(`${file}: messages in both languages, same problems`, () => {
      const forms = catalogs[fx.catalog]!.forms as never;
      const zh = validateReport(fx.definition, { forms, locale: 'zh-CN' });
      const en = validateReport(fx.definition, { forms, locale: 'en' });
      const strip = (ps: ReportProblem[]) => ps.map(({ code, path }) => ({ code, path }));
      expect(strip(zh)).toEqual(strip(en));
      for (const p of [...zh, ...en]) expect(p.message).not.toBe('');
      expect(zh.some((p, i) => p.message !== en[i]!.message)).toBe(true);
    });
  }
});
