import type { BusinessCalendar } from '@kiln/engine-flow';
import { useTranslation } from 'react-i18next';
import { useFlow } from '../hooks/useFlow';
import { flowEdit } from '../store/edit';

const DEFAULT_CALENDAR: BusinessCalendar = { timezone: 'Asia/Shanghai', workdays: [1, 2, 3, 4, 5], hours: [['09:00', '12:00'], ['13:00', '18:00']] };
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'UTC'];

const dates = (text: string) => text.split(/[\s,，;]+/).map((s) => s.trim()).filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s));

/**
 * The flow's working-hours calendar (SLAs with "business hours" count in it): time zone,
 * working weekdays, working periods, holidays and make-up working days (调休).
 */
export function CalendarSection() {
  const { t } = useTranslation();
  const flow = useFlow();
  const cal = flow.calendar;
  const set = (fn: (c: BusinessCalendar) => BusinessCalendar | undefined, group?: string) =>
    flowEdit.flow((f) => {
      const next = fn(f.calendar ?? DEFAULT_CALENDAR);
      const { calendar: _drop, ...rest } = f;
      return next ? { ...rest, calendar: next } : rest;
    }, group && `calendar:${group}`);
  const hours = cal?.hours ?? [];
  const setHour = (i: number, side: 0 | 1, v: string) =>
    set((c) => ({ ...c, hours: (c.hours ?? []).map((h, j) => (j === i ? ((side === 0 ? [v, h[1]] : [h[0], v]) as [string, string]) : h)) }), `hours-${i}-${side}`);
  return (
    <section className="prop-section" data-testid="flow-calendar">
      <div className="prop-section-title">{t('flows.settings.calendar')}</div>
      <label className="check">
        <input type="checkbox" checked={!!cal} onChange={(e) => set(() => (e.target.checked ? DEFAULT_CALENDAR : undefined))} data-testid="flow-cal-on" />
        {t('flows.settings.calendarOn')}
      </label>
      <div className="prop-hint">{t('flows.settings.calendarHint')}</div>
      {cal && (
        <div className="prop-grid">
          <label className="prop-item">
            <span className="prop-label">{t('flows.settings.timezone')}</span>
            <input className="input" list="flow-zones" value={cal.timezone ?? ''} onChange={(e) => set((c) => ({ ...c, timezone: e.target.value.trim() || undefined }), 'tz')} data-testid="flow-cal-timezone" />
            <datalist id="flow-zones">
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </label>
          <div className="prop-item">
            <span className="prop-label">{t('flows.settings.workdays')}</span>
            <div className="rule-checks">
              {WEEKDAYS.map((d) => (
                <label key={d} className="check">
                  <input
                    type="checkbox"
                    checked={(cal.workdays ?? []).includes(d)}
                    onChange={(e) => set((c) => ({ ...c, workdays: WEEKDAYS.filter((x) => (x === d ? e.target.checked : (c.workdays ?? []).includes(x))) }))}
                    data-testid={`flow-cal-workday-${d}`}
                  />
                  {t(`flows.weekdays.${d}`)}
                </label>
              ))}
            </div>
          </div>
          <div className="prop-item">
            <span className="prop-label">{t('flows.settings.hours')}</span>
            {hours.map((h, i) => (
              <span className="inline-inputs" key={i}>
                <input className="input" type="time" value={h[0]} onChange={(e) => setHour(i, 0, e.target.value)} data-testid={`flow-cal-hours-from-${i}`} />
                <span>–</span>
                <input className="input" type="time" value={h[1]} onChange={(e) => setHour(i, 1, e.target.value)} data-testid={`flow-cal-hours-to-${i}`} />
                <span className="row-tools">
                  <button type="button" title={t('common.delete')} onClick={() => set((c) => ({ ...c, hours: (c.hours ?? []).filter((_, j) => j !== i) }))} data-testid={`flow-cal-hours-remove-${i}`}>
                    ✕
                  </button>
                </span>
              </span>
            ))}
            <button type="button" className="btn btn-sm" onClick={() => set((c) => ({ ...c, hours: [...(c.hours ?? []), ['14:00', '18:00']] }))} data-testid="flow-cal-hours-add">
              + {t('flows.settings.addHours')}
            </button>
          </div>
          <label className="prop-item">
            <span className="prop-label">{t('flows.settings.holidays')}</span>
            <textarea
              className="input mono"
              rows={2}
              defaultValue={(cal.holidays ?? []).join('\n')}
              placeholder="2025-10-01"
              onChange={(e) => set((c) => ({ ...c, holidays: dates(e.target.value).length ? dates(e.target.value) : undefined }), 'holidays')}
              data-testid="flow-cal-holidays"
            />
          </label>
          <label className="prop-item">
            <span className="prop-label">{t('flows.settings.extraWorkdays')}</span>
            <textarea
              className="input mono"
              rows={2}
              defaultValue={(cal.extraWorkdays ?? []).join('\n')}
              placeholder="2025-09-28"
              onChange={(e) => set((c) => ({ ...c, extraWorkdays: dates(e.target.value).length ? dates(e.target.value) : undefined }), 'extra')}
              data-testid="flow-cal-extra"
            />
          </label>
        </div>
      )}
    </section>
  );
}
