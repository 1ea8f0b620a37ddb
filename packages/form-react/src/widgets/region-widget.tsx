import { useEffect, useMemo, useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { regionChildren, regionProvinces, type Region } from '@kiln/engine-forms';
import { testIdOf } from '../test-id';
import { kilnContext } from '../context';
import { msg, type MessageId } from '../messages';

const LEVELS = ['province', 'city', 'district'] as const;
type Level = (typeof LEVELS)[number];

type Division = Pick<Region, 'code' | 'name'>;

function depthOf(level: unknown): number {
  const i = LEVELS.indexOf(level as Level);
  return i < 0 ? 3 : i + 1;
}

/** The selected code per level for a stored 6-digit code (`320106` → province 32…, city 3201…, 320106). */
function pathOf(code: unknown, depth: number): string[] {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return [];
  const path: string[] = [];
  let options: Division[] = regionProvinces();
  for (let i = 0; i < depth; i++) {
    const prefix: string = code.slice(0, 2 * (i + 1));
    const hit: Division | undefined = options.find((d) => d.code.slice(0, 2 * (i + 1)) === prefix) ?? options.find((d) => d.code === code);
    if (!hit) break;
    path.push(hit.code);
    if (hit.code === code) break;
    options = regionChildren(hit.code);
  }
  return path;
}

/**
 * A GB/T 2260 region as cascading selects, province → city → district, as deep as
 * `ui:options.level` says. The value is the code of the deepest level, set only once every
 * level down to the configured one is chosen (or the chosen division has no children).
 * Selects are `field-<key>-province|city|district`.
 */
export function RegionWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, options, registry, rawErrors } = props;
  const { locale } = kilnContext(registry.formContext);
  const depth = depthOf(options.level);
  const [path, setPath] = useState<string[]>(() => pathOf(value, depth));
  useEffect(() => {
    const deepest = path[path.length - 1];
    if (value !== deepest && (value !== undefined || path.length === depth)) setPath(pathOf(value, depth));
  }, [value, depth]);

  const lists = useMemo(() => {
    const out: Division[][] = [regionProvinces()];
    for (let i = 1; i < depth; i++) out.push(path[i - 1] ? regionChildren(path[i - 1]) : []);
    return out;
  }, [path, depth]);

  const choose = (level: number, code: string) => {
    const next = [...path.slice(0, level), ...(code ? [code] : [])];
    setPath(next);
    const complete = next.length === depth || (code !== '' && next.length > 0 && regionChildren(code).length === 0);
    onChange(complete ? next[next.length - 1] : undefined);
  };

  return (
    <div className="kf-region" id={id} data-testid={testIdOf(id)} data-value={value ?? ''}>
      {lists.map((list, i) => {
        const level = LEVELS[i];
        // Hide deeper selects that have nothing to offer (e.g. a city without districts).
        if (i > 0 && path[i - 1] && list.length === 0) return null;
        return (
          <select
            key={level}
            className="kf-input kf-select"
            data-testid={testIdOf(id, level)}
            aria-label={msg(locale, level as MessageId)}
            aria-invalid={rawErrors?.length ? true : undefined}
            value={path[i] ?? ''}
            disabled={disabled || readonly || (i > 0 && !path[i - 1])}
            onChange={(e) => choose(i, e.target.value)}
          >
            <option value="">{msg(locale, level as MessageId)}</option>
            {list.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        );
      })}
    </div>
  );
}
