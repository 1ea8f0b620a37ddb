import { describe, expect, it } from 'vitest';
import { toCsv, type ReportResult } from '../src/index.js';

const result = (rows: Record<string, unknown>[]): ReportResult => ({
  columns: [
    { key: 'campaign', label: '活动', role: 'dimension', labelKey: 'campaign__label' },
    { key: 'campaign__label', label: '活动', role: 'label' },
    { key: 'note', label: 'Note, "quoted"', role: 'dimension' },
    { key: 'gmv', label: 'GMV', role: 'measure', format: 'money' },
    { key: 'share', label: 'Share', role: 'measure', format: 'percent' },
    { key: 'n', label: 'N', role: 'measure', format: 'integer' },
  ],
  rows,
  chart: {},
});

describe('toCsv', () => {
  it('writes labels as the header, money in yuan with 2 decimals, CRLF line ends', () => {
    const csv = toCsv(result([{ campaign: 7, campaign__label: '618 大促', note: 'ok', gmv: 123456, share: 0.125, n: 3 }, { campaign: 8, campaign__label: 'B', note: null, gmv: -5, share: null, n: 0 }]), 'zh-CN');
    expect(csv).toBe('活动,"Note, ""quoted""",GMV,Share,N\r\n618 大促,ok,1234.56,12.5%,3\r\nB,,-0.05,,0\r\n');
  });
  it('quotes per RFC 4180', () => {
    const csv = toCsv(result([{ campaign: 1, campaign__label: 'a,b', note: 'line1\nline2', gmv: 0, share: 0, n: 1 }, { campaign: 2, campaign__label: 'say "hi"', note: 'cr\rx', gmv: 100, share: 1, n: 1 }]), 'en');
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['"a,b","line1\nline2",0.00,0%,1', '"say ""hi""","cr\rx",1.00,100%,1']);
  });
  it('guards text cells against formula injection', () => {
    const evil = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];
    const csv = toCsv(result(evil.map((e, i) => ({ campaign: i, campaign__label: e, note: e, gmv: -100, share: 0, n: 0 }))), 'zh-CN');
    const lines = csv.split('\r\n').slice(1, -1);
    expect(lines[0]).toBe(`"'=HYPERLINK(""http://x"",""y"")","'=HYPERLINK(""http://x"",""y"")",-1.00,0%,0`);
    expect(lines[1]).toBe("'+1+1,'+1+1,-1.00,0%,0");
    expect(lines[2]).toBe("'-2+3,'-2+3,-1.00,0%,0");
    expect(lines[3]).toBe("'@SUM(A1),'@SUM(A1),-1.00,0%,0");
    expect(lines[4]).toBe("'\tTAB,'\tTAB,-1.00,0%,0");
    // Numbers (negative money here) are figures, not formulas: they stay numeric.
    expect(csv).toContain('"\'\rCR"');
  });
  it('guards header labels too', () => {
    const r = result([]);
    const csv = toCsv({ ...r, columns: [{ key: 'x', label: '=cmd', role: 'dimension' }] }, 'en');
    expect(csv).toBe("'=cmd\r\n");
  });
  it('lays a pivot out as shown (rows down, column values across)', () => {
    const r: ReportResult = {
      columns: [
        { key: 'kind', label: '类型', role: 'dimension', labelKey: 'kind__label' },
        { key: 'kind__label', label: '类型', role: 'label' },
        { key: 'q', label: '季度', role: 'dimension', labelKey: 'q__label' },
        { key: 'q__label', label: '季度', role: 'label' },
        { key: 'amount', label: '金额', role: 'measure', format: 'money' },
      ],
      rows: [
        { kind: 'a', kind__label: '佣金', q: '2024-01-01', q__label: '2024 Q1', amount: 150000 },
        { kind: 'a', kind__label: '佣金', q: '2024-04-01', q__label: '2024 Q2', amount: 90000 },
        { kind: 'b', kind__label: '-团队', q: '2024-04-01', q__label: '2024 Q2', amount: 2000 },
      ],
      chart: { kiln: { pivot: { rows: ['kind'], columns: ['q'] } } },
    };
    expect(toCsv(r, 'zh-CN')).toBe("类型,2024 Q1,2024 Q2\r\n佣金,1500.00,900.00\r\n'-团队,,20.00\r\n");
  });
});
