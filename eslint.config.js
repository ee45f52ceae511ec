import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Layer rules: renderer/ talks to the contract only (electron/shared); electron/core and
 * electron/shared never import 'electron'; electron/shared imports no Node module at all.
 */
// Bare module names only (a regex, so a local file named http.ts or events.ts is not caught).
const nodeBuiltins = '^(node:.*|fs|fs/promises|path|os|crypto|child_process|http|https|net|url|worker_threads|stream|zlib|util|events|buffer)$';
const electronModule = '^electron(/.*)?$';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['bin/**/*.js', '*.config.js'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: electronModule, message: 'electron/shared must not import electron.' },
            { regex: nodeBuiltins, message: 'electron/shared is pure: no Node modules.' },
            { group: ['**/core/**', '**/main/**', '**/preload/**', '**/renderer/**', 'better-sqlite3', 'sharp'], message: 'electron/shared imports nothing outside itself but zod.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: electronModule, message: 'The core runs without Electron: never import electron here.' },
            { group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'The core does not depend on the shell or the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', '**/preload/**', '**/cli/**'], message: 'The shell does not import the UI, the preload or the CLI.' }] },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: nodeBuiltins, message: 'A sandboxed preload cannot load Node modules.' },
            { group: ['**/core/**', '**/main/**', '**/renderer/**', '**/cli/**'], message: 'The preload is a pipe: electron and electron/shared types only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: electronModule, message: 'The renderer reaches the app through the contract client only.' },
            { regex: nodeBuiltins, message: 'The renderer runs in a sandboxed page: no Node modules.' },
            { group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/cli/**', 'better-sqlite3', 'sharp'], message: 'renderer/ imports only electron/shared.' },
          ],
        },
      ],
    },
  },
);
