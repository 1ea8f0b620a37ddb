import type { Shape } from './locales';

/**
 * The texts of permissions in the operator UI (export, read-only notices, the forms menu) and of
 * a record's history tab, in both UI languages; merged into the runtime's resources by `locales.ts`.
 */
export const ACCESS_ZH = {
  access: {
    exportCsv: '导出 CSV',
    exporting: '导出中…',
    noForms: '你在这个应用中没有可查看的表单。',
    noRead: '你没有查看这个表单的权限。',
    noCreate: '你没有在这个表单中新建记录的权限。',
    viewOnly: '只读：你没有修改这条记录的权限。',
    lockedFields: '灰色字段为只读，不能修改。',
    formsNav: '表单',
    view: '查看',
  },
  recordTabs: { label: '记录', record: '记录', history: '历史记录' },
  history: {
    title: '历史记录',
    empty: '这条记录还没有变更记录。',
    loadFailed: '加载历史记录失败',
    when: '时间',
    who: '操作人',
    action: '操作',
    ip: 'IP',
    field: '字段',
    before: '修改前',
    after: '修改后',
    noChanges: '没有字段变化',
    emptyValue: '（空）',
    create: '创建',
    update: '修改',
    delete: '删除',
    token: 'API 令牌',
    tokenNamed: '{{name}} · API 令牌',
    public: '公开表单',
    system: '系统',
    user: '用户 #{{id}}',
  },
};

export const ACCESS_EN: Shape<typeof ACCESS_ZH> = {
  access: {
    exportCsv: 'Export CSV',
    exporting: 'Exporting…',
    noForms: 'You cannot see any form of this app.',
    noRead: 'You are not allowed to see this form.',
    noCreate: 'You are not allowed to create records in this form.',
    viewOnly: 'View only: you are not allowed to change this record.',
    lockedFields: 'Greyed-out fields are read-only.',
    formsNav: 'Forms',
    view: 'View',
  },
  recordTabs: { label: 'Record', record: 'Record', history: 'History' },
  history: {
    title: 'History',
    empty: 'No changes have been recorded for this record yet.',
    loadFailed: 'Could not load the history',
    when: 'When',
    who: 'Who',
    action: 'Action',
    ip: 'IP',
    field: 'Field',
    before: 'Before',
    after: 'After',
    noChanges: 'No field changes',
    emptyValue: '(empty)',
    create: 'Created',
    update: 'Updated',
    delete: 'Deleted',
    token: 'API token',
    tokenNamed: '{{name}} · API token',
    public: 'Public form',
    system: 'System',
    user: 'User #{{id}}',
  },
};
