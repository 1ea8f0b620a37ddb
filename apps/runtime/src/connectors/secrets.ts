import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KilnConfig } from '../config.js';

/**
 * Encryption of connector secrets and cached tokens at rest: AES-256-GCM, a fresh 12-byte IV
 * per value, stored as `v1:<iv>:<tag>:<ciphertext>` (base64). The key comes from
 * `KILN_SECRET_KEY` (32 bytes as base64 or hex, or a passphrase stretched with scrypt); without
 * it, a random key is kept in `<dirname(dataDir)>/secret.key` (mode 0600) — or, for an in-memory
 * database, only in this process.
 */

const PREFIX = 'v1';
const keys = new Map<string, Buffer>();
let warned = false;

/** Parses KILN_SECRET_KEY: 32 raw bytes in base64 or hex, else a passphrase (scrypt-derived). */
export function keyFromSetting(setting: string): Buffer {
  const s = setting.trim();
  if (/^[0-9a-fA-F]{64}$/.test(s)) return Buffer.from(s, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(s) || /^[A-Za-z0-9_-]{43}=?$/.test(s)) {
    const b = Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (b.length === 32) return b;
  }
  return scryptSync(s, 'kiln-secret-key', 32);
}

/** The encryption key of this configuration (resolved once per process and setting). */
export function secretKey(config: Pick<KilnConfig, 'secretKey' | 'dataDir'>, log: (msg: string) => void = (m) => console.warn(m)): Buffer {
  const id = config.secretKey ? `env:${createHash('sha256').update(config.secretKey).digest('hex')}` : `dir:${config.dataDir}`;
  const hit = keys.get(id);
  if (hit) return hit;
  let key: Buffer;
  if (config.secretKey) key = keyFromSetting(config.secretKey);
  else if (config.dataDir.startsWith('memory://')) key = randomBytes(32);
  else key = keyFile(join(dirname(config.dataDir), 'secret.key'), log);
  keys.set(id, key);
  return key;
}

function keyFile(file: string, log: (msg: string) => void): Buffer {
  if (!warned) {
    warned = true;
    log(`[kiln] KILN_SECRET_KEY is not set: connector secrets are encrypted with the key in ${file}. Set KILN_SECRET_KEY (the same on every runtime process) in production.`);
  }
  if (existsSync(file)) return keyFromSetting(readFileSync(file, 'utf8'));
  mkdirSync(dirname(file), { recursive: true });
  const text = randomBytes(32).toString('base64');
  try {
    writeFileSync(file, text + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as { code?: string }).code !== 'EEXIST') throw err;
    return keyFromSetting(readFileSync(file, 'utf8'));
  }
  chmodSync(file, 0o600);
  return keyFromSetting(text);
}

/** Encrypts `plain`; `aad` binds the ciphertext to where it is stored (decrypting elsewhere fails). */
export function encrypt(key: Buffer, plain: string, aad = ''): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [PREFIX, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

/** Decrypts a value of {@link encrypt}; throws when the key or `aad` differ or the value was altered. */
export function decrypt(key: Buffer, stored: string, aad = ''): string {
  const [prefix, iv, tag, data] = stored.split(':');
  if (prefix !== PREFIX || !iv || !tag || data === undefined) throw new Error('not an encrypted value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}
