/**
 * A group / position key: 1–64 letters, digits, `_`, `.` or `-` (no spaces), the runtime's rule
 * (`validGroups` in apps/runtime/src/auth/users.ts). Letters include CJK, so `财务` is fine.
 */
const GROUP_KEY = /^[\p{L}\p{N}_.-]{1,64}$/u;

/** True when `key` is a valid group / position key. */
export function isValidGroupKey(key: string): boolean {
  return GROUP_KEY.test(key);
}
