// Lint: typescript-eslint's recommended rules, plus the layering rule that keeps the engine pure
// (as excalidraw forbids its element package to import the UI).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Every Node builtin by its bare name (fs, fs/promises, path, crypto, ...); the node: prefix is a pattern below.
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
const PURE = 'the engine is pure: no UI, Office, storage, file or Node APIs';
const ADAPTER_DIRS = ['workbook', 'store', 'worker', 'taskpane', 'standalone', 'cli'];
// tools/ (the sample generator, the benchmarks) may use the product; the product never uses tools/.
// Unit tests beside the code may (they build their inputs with the generator). Each block below that
// sets no-restricted-imports repeats this pattern, because a later block's options replace an earlier one's.
const NO_TOOLS = { group: ['**/tools', '**/tools/**'], message: 'src/ must not import tools/ (the sample generator and benchmarks are not the product)' };
const TESTS = ['src/**/*.test.{ts,tsx}'];

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
    files: ['src/**/*.{ts,tsx,mts,cts}'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TOOLS] }] },
  },
  {
    files: ['src/engine/**/*.{ts,tsx,mts,cts}'],
    ignores: ['src/engine/**/*.test.{ts,tsx}'],
    rules: {
      'no-console': 'error',
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'indexedDB', 'fetch', 'XMLHttpRequest', 'process'],
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'office-js', 'dexie', 'exceljs', ...NODE_BUILTINS].map((name) => ({ name, message: PURE })),
          patterns: [
            { group: ['node:*', '@fluentui/*', 'react/*', 'react-dom/*', 'dexie/*', 'exceljs/*'], message: PURE },
            // '../workbook' (a folder's index) as well as '../workbook/port'
            { group: ADAPTER_DIRS.flatMap((dir) => [`**/${dir}`, `**/${dir}/**`]), message: 'the engine must not depend on adapters or UI' },
            NO_TOOLS,
          ],
        },
      ],
      // import('exceljs') would slip past no-restricted-imports; the engine has no reason to load code lazily.
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'the engine imports statically (no dynamic import)' }],
    },
  },
  // The task pane runs in Excel's browser: exceljs (and the xlsx adapter over it) stays out of its bundle.
  ...[false, true].map((tests) => ({
    files: tests ? ['src/taskpane/**/*.test.{ts,tsx}'] : ['src/taskpane/**/*.{ts,tsx}'],
    ignores: tests ? [] : TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'exceljs', message: 'exceljs stays out of the task pane bundle' }],
          patterns: [{ group: ['exceljs/*', '**/workbook/xlsx', '**/workbook/xlsx/**'], message: 'exceljs stays out of the task pane bundle' }, ...(tests ? [] : [NO_TOOLS])],
        },
      ],
    },
  })),
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs', 'webpack.config.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
