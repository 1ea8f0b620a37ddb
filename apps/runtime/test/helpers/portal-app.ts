/**
 * The smallest promoter-portal app the sign-in tests build: a `customers` form with name and
 * phone, and a `promoter` role whose members are the users with global role `promoter`, whose
 * own record is the customer with their phone (`$user.record`), and who read only that record.
 */
export const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const customersForm = {
  formatVersion: 1, key: 'customers', title: t('客户', 'Customers'),
  fields: [
    { id: 'f_name', key: 'name', type: 'text', label: t('姓名', 'Name'), required: true },
    { id: 'f_phone', key: 'phone', type: 'text', label: t('手机号', 'Phone') },
  ],
};

export const promoterRole = {
  formatVersion: 1, key: 'promoter', name: t('推广员', 'Promoter'), portal: 'promoter',
  assign: { roles: ['promoter'] },
  self: { form: 'customers', field: 'phone', userAttr: 'phone' },
  forms: { customers: { read: true, where: 'id = $user.record' } },
};

/** Two mainland mobile numbers the tests sign in with. */
export const PHONE = '13800000001';
export const PHONE2 = '13800000002';
