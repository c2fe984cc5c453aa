// Lint: the import rules of house-rules.md §3 ("the folder is the runtime", rule 1), plus type-aware basics.
// test/unit/lint/import-rules.test.ts proves that a forbidden import fails.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os',
  'path', 'process', 'stream', 'tls', 'url', 'util', 'worker_threads', 'zlib',
];

/** `no-restricted-imports` patterns: what a folder keeps away from. */
const forbid = (groups, message) => ({ group: groups, message });

// Bare built-in names go through `paths` (exact module names): as gitignore-style `patterns` they would also
// match our own folders of the same name (shared/util, shared/api/events).
const NODE_MESSAGE = 'Mã chạy ở mọi nơi/trình duyệt không được dùng module của Node.';
const nodeForbidden = { ...forbid(['node:*'], NODE_MESSAGE), paths: NODE_BUILTINS.map((name) => ({ name, message: NODE_MESSAGE })) };
// A regex, not a gitignore-style group: the group 'electron' would also match our folder src/main/electron.
const electronForbidden = { regex: '^electron(/.*)?$', message: 'Chỉ src/main/electron và src/preload được dùng electron.' };
const rendererForbidden = forbid(['**/renderer/**'], 'Không được import mã renderer từ đây.');
const mainForbidden = forbid(['**/main/**'], 'Renderer/shared không được import mã main.');
const preloadForbidden = forbid(['**/preload/**'], 'Không được import preload.');
const uiLibsForbidden = forbid(['react', 'react-dom', 'react-dom/*', 'dexie', 'zustand', 'zustand/*'], 'shared/ là mã thuần: không React, Dexie, zustand.');
const platformLibsForbidden = forbid(
  ['pdfjs-dist', 'pdfjs-dist/*', '@cantoo/pdf-lib', 'pdf-lib', 'pkcs11js', 'pkijs', 'asn1js', '@peculiar/*', 'exceljs', 'fontkit'],
  'shared/ là mã thuần: không thư viện PDF, PKCS#11 hay mật mã.',
);
const webHostForbidden = forbid(['**/web-host/**'], 'host/ không biết transport nào gọi nó.');

/** Builds the rule options; a group may carry `paths` (exact names) beside its `group` patterns. */
const restrict = (...groups) => [
  'error',
  {
    paths: groups.flatMap((g) => g.paths ?? []),
    patterns: groups.map(({ group, regex, message }) => (regex ? { regex, message } : { group, message })),
  },
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', '.vite/**', 'node_modules/**', '.test-env/**', 'test-results/**', 'playwright-report/**', 'bench/out/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict(nodeForbidden, electronForbidden, rendererForbidden, mainForbidden, preloadForbidden, uiLibsForbidden, platformLibsForbidden),
    },
  },
  {
    files: ['src/renderer/**'],
    rules: { 'no-restricted-imports': restrict(nodeForbidden, electronForbidden, mainForbidden, preloadForbidden) },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/**', 'src/main/host/**'],
    rules: { 'no-restricted-imports': restrict(electronForbidden, rendererForbidden, preloadForbidden) },
  },
  {
    files: ['src/main/host/**'],
    rules: { 'no-restricted-imports': restrict(electronForbidden, rendererForbidden, preloadForbidden, webHostForbidden) },
  },
  {
    files: ['src/main/electron/**'],
    rules: { 'no-restricted-imports': restrict(rendererForbidden, preloadForbidden) },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': restrict(
        nodeForbidden,
        rendererForbidden,
        mainForbidden,
        forbid(['**/shared/domain/**', '**/shared/util/**'], 'preload chỉ dùng electron và shared/api.'),
      ),
    },
  },
  {
    files: ['test/unit/**', 'bench/**'],
    ignores: ['test/unit/lint/**'],
    rules: { 'no-restricted-imports': restrict(electronForbidden) },
  },
);
