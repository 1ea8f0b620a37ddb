import { KEY_PATTERN } from '@kiln/engine-forms';

/** True when `key` is a valid app / form / field key (the engine's KEY_PATTERN). */
export function isValidKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}
