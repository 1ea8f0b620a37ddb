/**
 * Prelude fragment: the run clock (`now`, `today`, the replaced `Date`) and `date.*`. Dates are
 * ISO strings; results are UTC ISO strings (`toISOString()`). Calendar operations (`day`,
 * `startOfDay`, `addDays`, `today`) use the run's time zone through `Intl.DateTimeFormat`, and so
 * do inputs without an offset (`2024-05-01`, `2024-05-01T10:00`), never the host's zone.
 * @internal
 */
export const DATES_JS = String.raw`
const DAY_MS = 86400000;
const formats = new Map();
function zoneParts(ms) {
  let f = formats.get(env.timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: env.timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(env.timeZone, f);
  }
  const p = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  const parts = f.formatToParts(ms);
  for (let i = 0; i < parts.length; i++) if (hasOwn.call(p, parts[i].type)) p[parts[i].type] = Number(parts[i].value);
  return p;
}
function offsetAt(ms) {
  const p = zoneParts(ms), whole = ms - (((ms % 1000) + 1000) % 1000);
  return RealDate.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}
/* Wall-clock time in the run's zone → UTC epoch ms (second pass settles DST transitions). */
function fromLocal(y, mo, d, h, mi, s, ms) {
  const local = RealDate.UTC(y, mo - 1, d, h, mi, s, ms);
  const first = local - offsetAt(local), second = local - offsetAt(first);
  return second;
}
const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
function toMs(name, x) {
  if (typeof x === 'string') {
    const m = LOCAL_ISO.exec(x);
    const ms = m ? fromLocal(+m[1], +m[2], +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0), +((m[7] || '0') + '00').slice(0, 3)) : RealDate.parse(x);
    if (Number.isFinite(ms)) return ms;
  } else if (typeof x === 'number' && Number.isFinite(x)) return x;
  else if (x instanceof RealDate && Number.isFinite(x.getTime())) return x.getTime();
  throw new TypeError(name + ': expected a date (ISO string), got ' + show(x));
}
function iso(ms) { return new RealDate(ms).toISOString(); }
function pad2(n) { return (n < 10 ? '0' : '') + n; }
function dayOf(ms) {
  const p = zoneParts(ms);
  return String(p.year).padStart(4, '0') + '-' + pad2(p.month) + '-' + pad2(p.day);
}
function now() { return iso(env.nowMs); }
function today() { return dayOf(env.nowMs); }
const date = {
  addDays(at, days) {
    const ms = toMs('date.addDays', at);
    finite('date.addDays', 'days', days);
    if (!Number.isInteger(days)) return iso(ms + days * DAY_MS);
    const p = zoneParts(ms);
    return iso(fromLocal(p.year, p.month, p.day + days, p.hour, p.minute, p.second, ((ms % 1000) + 1000) % 1000));
  },
  addHours(at, hours) { return iso(toMs('date.addHours', at) + finite('date.addHours', 'hours', hours) * 3600000); },
  diffDays(from, to) { return Math.floor((toMs('date.diffDays', to) - toMs('date.diffDays', from)) / DAY_MS) + 0; },
  day(at) { return dayOf(toMs('date.day', at)); },
  startOfDay(at) { const p = zoneParts(toMs('date.startOfDay', at)); return iso(fromLocal(p.year, p.month, p.day, 0, 0, 0, 0)); },
  isBefore(a, b) { return toMs('date.isBefore', a) < toMs('date.isBefore', b); },
  isAfter(a, b) { return toMs('date.isAfter', a) > toMs('date.isAfter', b); },
};
/* Date reads the run clock: new Date() and Date.now() are the run's now, never the host's. */
function KilnDate(...args) {
  if (new.target === undefined) return new RealDate(env.nowMs).toString();
  return Reflect.construct(RealDate, args.length === 0 ? [env.nowMs] : args, new.target);
}
defineProp(KilnDate, 'prototype', { value: RealDate.prototype, writable: false });
defineProp(KilnDate, 'length', { value: 7 });
defineProp(KilnDate, 'name', { value: 'Date' });
KilnDate.now = function now() { return env.nowMs; };
KilnDate.parse = RealDate.parse;
KilnDate.UTC = RealDate.UTC;
defineProp(RealDate.prototype, 'constructor', { value: KilnDate, writable: true, enumerable: false, configurable: true });
`;
