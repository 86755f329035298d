// Lint what the compiler cannot: promises nobody awaits, switches that miss a
// case, and imports that cross the layers (docs/ARCHITECTURE.md): domain/
// knows nothing outside it, server code knows no UI or route, and routes and
// components reach the database only through services.
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const domainOnly = [
  {
    group: ['**/server/**', '$lib/server/*', '**/ui/**', '$lib/ui/*', '**/i18n/**', '$lib/i18n/*'],
    message: 'domain/ imports only domain/.'
  },
  {
    group: ['@sveltejs/*', 'svelte', 'svelte/*', 'kysely', 'pg', '@electric-sql/*', 'node:*'],
    message: 'domain/ is framework- and I/O-free.'
  }
];
const noDatabase = {
  group: ['$lib/server/db', '$lib/server/db/*', '**/server/db/*'],
  message: 'routes and components reach the database through a service (src/lib/server/services/), never db/.'
};

const noTesting = {
  group: ['**/testing/*', '**/testing/**'],
  message: 'testing/ folders hold test helpers; production code never imports them.'
};
const noUiOrRoutes = {
  group: ['**/ui/**', '$lib/ui/*', '**/routes/**'],
  message: 'server code must not depend on the UI or routes.'
};
const testFiles = ['**/*.test.ts', '**/testing/**'];

export default tseslint.config(
  { ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'test-results/'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'error'
    }
  },
  {
    files: ['static/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
    // Written for old browsers (no optional catch binding).
    rules: { 'no-unused-vars': ['error', { caughtErrors: 'none' }] }
  },
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig
      }
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // Links carry the reader's ?lang=/?tz= and are built by our own helpers;
      // the app has no base path for resolve() to add.
      'svelte/no-navigation-without-resolve': 'off',
      // {', '} and {' '} keep a space the formatter would otherwise move.
      'svelte/no-useless-mustaches': 'off'
    }
  },
  {
    files: ['src/lib/domain/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [...domainOnly, noTesting] }] }
  },
  {
    files: ['src/lib/server/**/*.ts', 'src/lib/i18n/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noUiOrRoutes] }] }
  },
  {
    files: ['src/lib/server/**/*.ts', 'src/lib/i18n/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [noUiOrRoutes, noTesting] }] }
  },
  {
    files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte', 'src/lib/ui/**/*.ts', 'src/lib/ui/**/*.svelte'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [noDatabase, noTesting] }] }
  },
  {
    files: ['src/lib/live/**/*.ts', 'src/lib/player/**/*.ts', 'src/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [noTesting] }] }
  }
);
