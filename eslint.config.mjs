// Lint: typescript-eslint's recommended rules, plus the layering rule that keeps the engine pure
// (as excalidraw forbids its element package to import the UI).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'util', 'stream', 'url', 'zlib', 'http', 'https', 'net', 'worker_threads', 'buffer', 'events'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'indexedDB', 'fetch', 'XMLHttpRequest', 'process'],
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'office-js', 'dexie', 'exceljs', ...NODE_BUILTINS].map((name) => ({ name, message: 'the engine is pure: no UI, Office, storage, file or Node APIs' })),
          patterns: [
            { group: ['node:*', '@fluentui/*', 'react-dom/*'], message: 'the engine is pure: no UI, Office, storage, file or Node APIs' },
            { group: ['**/workbook/**', '**/store/**', '**/worker/**', '**/taskpane/**', '**/standalone/**', '**/cli/**'], message: 'the engine must not depend on adapters or UI' },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs', 'webpack.config.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
