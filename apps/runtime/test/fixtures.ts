/** Small form definitions shared by the runtime tests. */
export const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const leadsForm = (extra: Record<string, unknown> = {}) => ({
  formatVersion: 1,
  key: 'leads',
  title: t('线索', 'Leads'),
  fields: [
    { id: 'f_name', key: 'name', type: 'text', label: t('姓名', 'Name'), required: true, maxLength: 20 },
    { id: 'f_phone', key: 'phone', type: 'phone', label: t('手机号', 'Phone'), required: true },
    { id: 'f_email', key: 'email', type: 'email', label: t('邮箱', 'Email'), unique: true },
    { id: 'f_qty', key: 'qty', type: 'number', integer: true, min: 1, max: 99, label: t('数量', 'Quantity') },
    { id: 'f_budget', key: 'budget', type: 'money', label: t('预算', 'Budget') },
    { id: 'f_code', key: 'code', type: 'linkparam', linkParam: 'code', label: t('活动码', 'Code') },
    { id: 'f_channel', key: 'channel', type: 'text', linkParam: 'channel', label: t('渠道', 'Channel') },
    { id: 'f_note', key: 'note', type: 'text', label: t('备注', 'Note') },
  ],
  public: { enabled: true, slug: 'leads-form', dedupe: ['phone', 'code'], rateLimit: { max: 1000, perSeconds: 60 } },
  ...extra,
});

/** Creates an app, saves the given form drafts and publishes; returns the publish response. */
export async function setupApp(req: (o: any) => Promise<{ status: number; body: any }>, app: string, forms: any[]) {
  const created = await req({ method: 'POST', url: '/api/apps', payload: { key: app, name: t(app, app) } });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  for (const f of forms) {
    const r = await req({ method: 'PUT', url: `/api/apps/${app}/forms/${f.key}`, payload: f });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  }
  return req({ method: 'POST', url: `/api/apps/${app}/publish` });
}
