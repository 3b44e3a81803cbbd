// @ts-check
// Lint is where Bulwark's process boundaries are enforced (see docs/adr/0003-process-boundaries.md):
// shared is pure TypeScript, the renderer never reaches into main, preload only touches electron
// and shared, and only src/main/index.ts and src/main/app/** may import electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'worker_threads',
];
const electronImport = {
  regex: '^(electron(/.*)?|electron-log(/(main|renderer|preload))?)$',
  message: 'Only src/main/index.ts and src/main/app/** import electron; inject a platform adapter instead.',
};

export default tseslint.config(
  {
    ignores: [
      '.tmp*',
      '.tmp*/**',
      'out/**',
      'coverage/**',
      'node_modules/**',
      'bench/out/**',
      'test-results/**',
      'playwright-report/**',
      '.ci/**',
      'dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      'max-lines-per-function': ['error', { max: 50, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of a TS enum.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'src/shared is platform-free: no Node built-ins.' },
            electronImport,
            {
              group: [
                '**/main/**',
                '**/renderer/**',
                '**/preload/**',
                'react',
                'react-dom',
                'ws',
                'ky',
                'undici',
              ],
              message: 'src/shared imports nothing platform-specific.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer never imports main or preload; go through bridge/.',
            },
            { group: nodeBuiltins, message: 'The renderer has no Node.' },
            electronImport,
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'Preload imports only electron and shared.' },
            { group: nodeBuiltins, message: 'The sandboxed preload cannot load Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronImport,
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'Main never imports the renderer or preload.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // describe()/it() bodies are lists of cases, not functions with logic; see docs/adr/0004-lint.md.
      'max-lines-per-function': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
