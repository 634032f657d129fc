// Lint: TypeScript rules plus the architecture's boundaries (DESIGN.md §2):
// src/core imports only core and touches no browser API; adapters never import UI;
// UI components never talk to the extension APIs themselves.
import tseslint from 'typescript-eslint';

const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'chrome', 'browser', 'indexedDB', 'localStorage', 'AudioContext', 'fetch', 'self', 'location'].map(
  (name) => ({ name, message: 'src/core is pure TypeScript: reach the platform through an adapter.' }),
);

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.e2e/**', '.eval/**', 'demo/page/**', 'src/core/questions/weights.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/adapters/**', '**/ui/**', '**/cli/**', '**/entrypoints/**'], message: 'src/core imports only core.' },
            { group: ['wxt', 'wxt/*', 'preact', 'preact/*', 'idb', 'webextension-polyfill', 'node:*', 'playwright-core'], message: 'src/core may not depend on a platform.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    files: ['src/adapters/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui/**'], message: 'adapters never import UI.' }] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/adapters/**', 'wxt/browser', 'webextension-polyfill', 'idb'], message: 'UI components get data and callbacks from their entrypoint.' }] },
      ],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'UI components do not call extension APIs.' }, { name: 'browser', message: 'UI components do not call extension APIs.' }],
    },
  },
);
