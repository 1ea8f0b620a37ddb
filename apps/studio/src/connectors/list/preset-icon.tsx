import type { PresetId } from '@kiln/engine-connectors';

const MARKS: Record<PresetId, string> = {
  rest: '{ }',
  'kingdee-k3cloud': '金',
  'yonyou-yonbip': '用',
  'wecom-robot': '企',
  'douyin-shop': '抖',
  'wechat-channels': '视',
  'aliyun-sms': '阿',
};

/** A small lettered mark per preset (no external images). */
export function PresetIcon({ preset }: { preset: PresetId | undefined }) {
  const id = preset ?? 'rest';
  return (
    <span className={`conn-preset-icon conn-preset-${id}`} aria-hidden>
      {MARKS[id] ?? '{ }'}
    </span>
  );
}
