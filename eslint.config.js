// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'net',
  'util',
  'stream',
  'url',
  'worker_threads',
];
const nodeOnly = ['better-sqlite3-multiple-ciphers', 'docx', 'pkijs', '@peculiar/x509', 'electron'];

/** Layer arrows: each folder may import only from the layers below it. */
const forbid = (groups, message) => ['error', { patterns: [{ group: groups, message }] }];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      '.tmp/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.d.ts',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['electron.vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-function': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    // No import cycles: a cycle makes module order matter (a value read before it is set) and hides
    // which layer depends on which. Type-only imports are erased at build time and do not count.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [...nodeBuiltins, ...nodeOnly, 'react', 'react-dom', '**/electron/**', '**/renderer/**'],
        'shared/ is isomorphic: no Node, Electron, DOM or React.',
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Screens load their data in an effect and set it when the call resolves; that is not the
      // synchronous cascade this rule guards against.
      'react-hooks/set-state-in-effect': 'off',
      // Props declared as methods (onChange(v): void) are plain callbacks, never bound to `this`.
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-imports': forbid(
        [...nodeBuiltins, ...nodeOnly, '**/electron/**'],
        'The renderer talks only to window.api: no Node, Electron or backend imports.',
      ),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**'],
        "The backend is plain Node: never import 'electron' or the UI.",
      ),
    },
  },
  {
    // Thin handlers: SQL lives in repositories (core/<area>/repo.ts), never in a handler.
    files: ['electron/core/handlers/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|exec|pragma)$/]',
          message: 'No SQL in handlers: call a function of the area (core/<area>/repo.ts or operations.ts).',
        },
      ],
      'no-restricted-imports': forbid(
        ['electron', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**', '**/db/sql'],
        'Handlers call area functions; SQL (and db/sql.ts) belongs in repositories. The backend never imports electron or the UI.',
      ),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [...nodeBuiltins, '**/electron/core/**', '**/renderer/**'],
        'The preload is a sandboxed bridge: only the contract.',
      ),
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
