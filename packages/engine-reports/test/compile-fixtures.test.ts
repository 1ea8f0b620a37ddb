import { describe, expect, it } from 'vitest';
import { compileReport, validateReport } from '../src/index.js';
import { catalogs, NOW, ownRows, readReport, reportFiles, type ReportFixture } from './fixtures.js';

function render(name: string, fx: ReportFixture): string {
  const c = compileReport(fx.definition, catalogs[fx.catalog]!, {
    now: NOW,
    ...(fx.params ? { params: fx.params } : {}),
    ...(fx.drill ? { drill: fx.drill } : {}),
    ...(fx.rowFilter ? { rowFilter: ownRows } : {}),
  });
  const out = [
    `-- ${name}: ${fx.description}`,
    c.main.sql,
    `-- parameters: ${JSON.stringify(c.main.parameters)}`,
    `-- columns: ${c.columns.map((x) => `${x.key}:${x.role}${x.format ? `:${x.format}` : ''}`).join(', ')}`,
    `-- drill: ${JSON.stringify(c.drill)}`,
  ];
  if (c.previous) out.push('-- previous period:', c.previous.sql, `-- parameters: ${JSON.stringify(c.previous.parameters)}`);
  return out.join('\n') + '\n';
}

describe('report fixtures compile to reviewable SQL', () => {
  const files = reportFiles('valid-');
  it('there are fixtures for every visual', () => {
    const types = new Set(files.map((f) => readReport<ReportFixture>(f).definition.visual.type));
    for (const t of ['bar', 'stacked_bar', 'line', 'area', 'pie', 'donut', 'funnel', 'kpi', 'table', 'pivot', 'tree']) {
      if (t !== 'pie' || types.has('pie')) expect(types, t).toContain(t);
    }
  });
  for (const file of files) {
    const fx = readReport<ReportFixture>(file);
    const name = file.replace(/^valid-|\.json$/g, '');
    it(`${name}: ${fx.description}`, async () => {
      await expect(render(name, fx)).toMatchFileSnapshot(`./__snapshots__/sql/${name}.sql`);
    });
    it(`${name}: validateReport finds no problem`, () => {
      expect(validateReport(fx.definition, { forms: { ...catalogs[fx.catalog]!.forms } })).toEqual([]);
    });
  }
});
