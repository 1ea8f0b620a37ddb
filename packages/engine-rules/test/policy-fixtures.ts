/**
 * Form definitions for the policy tests: customers, commission_ledger and withdrawals mirror the
 * referral-marketing template (templates/referral-marketing/forms/*.yaml; policy-role.test.ts
 * checks they still match), `tasks` has the remaining field types.
 */
import type { FieldDefinition, FormDefinition } from '@kiln/engine-forms';

const L = (s: string) => ({ 'zh-CN': s, en: s });
const f = (key: string, type: FieldDefinition['type'], extra: Record<string, unknown> = {}): FieldDefinition =>
  ({ id: `f_${key}`, key, type, label: L(key), ...extra }) as FieldDefinition;
const opts = (...values: string[]) => ({ options: values.map((value) => ({ value, label: L(value) })) });
const form = (key: string, fields: FieldDefinition[]): FormDefinition => ({ formatVersion: 1, key, title: L(key), fields });

export const forms: Record<string, FormDefinition> = {
  customers: form('customers', [
    f('name', 'text'),
    f('phone', 'phone'),
    f('referral_code', 'autonumber', { mode: 'shortcode' }),
    f('referrer', 'relation', { target: 'customers' }),
    f('bound_at', 'datetime'),
    f('binding_note', 'text'),
    f('is_promoter', 'boolean'),
    f('region', 'region', { level: 'city' }),
    f('campaign', 'relation', { target: 'campaigns' }),
    f('channel', 'text'),
    f('tier', 'relation', { target: 'tiers' }),
  ]),
  commission_ledger: form('commission_ledger', [
    f('beneficiary', 'relation', { target: 'customers' }),
    f('order', 'relation', { target: 'orders' }),
    f('line', 'number'),
    f('level', 'number'),
    f('kind', 'select', opts('commission', 'first_order', 'invite', 'top_seller', 'team', 'differential', 'reversal', 'withdrawal')),
    f('amount', 'money'),
    f('state', 'select', opts('frozen', 'available', 'cancelled', 'paid_out')),
    f('release_at', 'datetime'),
    f('plan_version', 'number'),
    f('cause', 'text'),
    f('entry_key', 'text'),
    f('base', 'money'),
    f('rate', 'number'),
    f('reverses', 'relation', { target: 'commission_ledger' }),
    f('refund', 'relation', { target: 'refunds' }),
    f('withdrawal', 'relation', { target: 'withdrawals' }),
    f('invitee', 'relation', { target: 'customers' }),
  ]),
  withdrawals: form('withdrawals', [
    f('promoter', 'relation', { target: 'customers' }),
    f('amount', 'money'),
    f('fee', 'money'),
    f('state', 'select', opts('requested', 'approved', 'rejected', 'paid')),
    f('net_amount', 'money'),
  ]),
  tasks: form('tasks', [
    f('title', 'text'),
    f('tags', 'multiselect', opts('urgent', 'later', '紧急')),
    f('owner', 'user'),
    f('watchers', 'relation', { target: 'customers', many: true }),
    f('customer', 'relation', { target: 'customers' }),
    f('done', 'boolean'),
    f('due', 'date'),
    f('estimate', 'number'),
    f('budget', 'money'),
    f('region', 'text'),
    f('lines', 'subtable', { fields: [f('sku', 'text')] }),
    f('score', 'formula', { expression: '1', resultType: 'number' }),
    f('subtree', 'text'),
  ]),
};
