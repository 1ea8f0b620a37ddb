import { PRESET_IDS, PRESETS, type PresetId } from '@kiln/engine-connectors';
import { useLocale } from '../../hooks/useLocale';
import { textOf } from '../model/text';
import { PresetIcon } from './preset-icon';

/** The presets as cards (radio semantics): generic REST, Kingdee, Yonyou, WeCom robot, Douyin Shop, WeChat Channels, Alibaba Cloud SMS. */
export function PresetPicker({ value, onChange }: { value: PresetId; onChange: (p: PresetId) => void }) {
  const locale = useLocale();
  return (
    <div className="conn-presets" role="radiogroup" data-testid="connector-presets">
      {PRESET_IDS.map((id) => {
        const info = PRESETS[id];
        return (
          <button
            key={id} type="button" role="radio" aria-checked={value === id} aria-pressed={value === id}
            className={value === id ? 'conn-preset is-active' : 'conn-preset'} onClick={() => onChange(id)} data-testid={`connector-preset-${id}`}
          >
            <PresetIcon preset={id} />
            <strong>{textOf(info?.name, locale, id)}</strong>
            <small>{textOf(info?.description, locale)}</small>
          </button>
        );
      })}
    </div>
  );
}
