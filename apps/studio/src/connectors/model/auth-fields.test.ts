import { connectorFromPreset, PRESET_IDS, validateConnector } from '@kiln/engine-connectors';
import { describe, expect, it } from 'vitest';
import { connectorsEn } from '../i18n/en';
import { connectorsZhCN } from '../i18n/zh-cn';
import { AUTH_FIELDS, AUTH_TYPES, defaultAuth, setConfigProp } from './auth-fields';
import { SETUP_ACCESSORS } from './setup-accessors';

describe('auth types in the connector designer', () => {
  it('lists every auth type with a label, a hint and labelled fields in both languages', () => {
    expect(AUTH_TYPES).toContain('aliyun');
    for (const t of [connectorsEn, connectorsZhCN]) {
      for (const type of AUTH_TYPES) {
        expect(t.auth.types[type], type).toEqual(expect.any(String));
        expect(t.auth.hints[type], type).toEqual(expect.any(String));
        for (const f of AUTH_FIELDS[type]) expect(t.auth.fields[f.prop as keyof typeof t.auth.fields], `${type}.${f.prop}`).toEqual(expect.any(String));
      }
      for (const id of PRESET_IDS) expect(t.presets[id].name, id).toEqual(expect.any(String));
    }
    expect(connectorsZhCN.auth.types.aliyun).toMatch(/[\u4e00-\u9fff]/);
  });

  it('aliyun: picked in the panel it asks for the AccessKey ID, and with one it validates', () => {
    const def = connectorFromPreset('aliyun-sms', 'sms');
    const bearer = SETUP_ACCESSORS['auth-type']!.set({ ...def, auth: { type: 'bearer' } }, 'aliyun');
    expect(bearer.auth).toEqual(defaultAuth('aliyun'));
    expect(AUTH_FIELDS.aliyun.map((f) => [f.name, f.prop, f.required])).toEqual([['auth-access-key-id', 'accessKeyId', true]]);
    expect(validateConnector(bearer, { locale: 'en' }).map((p) => p.path)).toEqual(['/auth/accessKeyId']);
    const edited = SETUP_ACCESSORS['auth-access-key-id']!.set(bearer, 'LTAI-real');
    expect(edited.auth).toEqual({ type: 'aliyun', accessKeyId: 'LTAI-real' });
    expect(SETUP_ACCESSORS['auth-access-key-id']!.get(edited)).toBe('LTAI-real');
    expect(validateConnector(edited)).toEqual([]);
    expect(setConfigProp(edited.auth!, AUTH_FIELDS.aliyun[0]!, '')).toEqual({ type: 'aliyun', accessKeyId: '' });
  });
});
