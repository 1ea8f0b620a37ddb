// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** I/O modules engines may not import (conventions #1): engines take ports instead. */
const ioModules = [
  'pg', 'pg-*', 'fastify', '@fastify/*', 'kysely-pglite-dialect', '@electric-sql/pglite',
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http',
  'https', 'node:https', 'http2', 'node:http2', 'dgram', 'node:dgram', 'child_process', 'node:child_process',
  'undici', 'axios', 'node-fetch', 'got', 'ky',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/dist-web/**', '**/.kiln/**', '**/test-results/**', '**/scratch/**', '**/export/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', Buffer: 'readonly' } },
  },
  {
    files: ['**/test/**/*.ts', '**/tests/**/*.ts', '**/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['packages/engine-*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioModules.filter((m) => !m.includes('*')).map((name) => ({ name, message: 'Engines do no I/O: take a port instead (conventions #1).' })),
        patterns: [{ group: ioModules.filter((m) => m.includes('*')), message: 'Engines do no I/O: take a port instead (conventions #1).' }],
      }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Engines do no I/O.' }, { name: 'XMLHttpRequest', message: 'Engines do no I/O.' }],
    },
  },
);
