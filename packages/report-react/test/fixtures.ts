import type { ReportResult } from '@kiln/engine-reports';

/** GMV by campaign (relation, labelled), with the topN "others" row. */
export const byCampaign: ReportResult = {
  columns: [
    { key: 'campaign', label: '活动', role: 'dimension', labelKey: 'campaign_label' },
    { key: 'campaign_label', label: '活动', role: 'label' },
    { key: 'gmv', label: 'GMV', role: 'measure', format: 'money' },
  ],
  rows: [
    { campaign: 11, campaign_label: 'Spring', gmv: 1234550 },
    { campaign: 12, campaign_label: 'Summer', gmv: 834000 },
    { campaign: null, campaign_label: '(空)', gmv: 500 },
    { campaign: '__others__', campaign_label: '其他', gmv: 10000 },
  ],
  chart: {},
};

/** GMV by channel × month: a stacked bar or a pivot. */
export const byChannelMonth: ReportResult = {
  columns: [
    { key: 'month', label: '月份', role: 'dimension', labelKey: 'month_label' },
    { key: 'month_label', label: '月份', role: 'label' },
    { key: 'channel', label: '渠道', role: 'dimension' },
    { key: 'gmv', label: 'GMV', role: 'measure', format: 'money' },
    { key: 'aov', label: 'AOV', role: 'measure', format: 'money' },
  ],
  rows: [
    { month: '2026-02-01', month_label: '2026-02', channel: 'douyin', gmv: 200000, aov: 5500 },
    { month: '2026-01-01', month_label: '2026-01', channel: 'douyin', gmv: 100000, aov: 5000 },
    { month: '2026-01-01', month_label: '2026-01', channel: 'wechat', gmv: 70000, aov: 3500 },
  ],
  chart: {},
};
