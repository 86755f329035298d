// Lint what the compiler cannot: promises nobody awaits, switches that miss a
// case, and imports that cross the layers (domain knows nothing outside it).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', '**/*.svelte', '**/*.js'] },
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
    files: ['src/lib/domain/**/*.ts'],
    ignores: ['src/lib/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '$lib/server/*', '**/ui/**', '$lib/ui/*', '**/i18n/**', '$lib/i18n/*'], message: 'domain/ imports only domain/.' },
            { group: ['@sveltejs/*', 'svelte', 'svelte/*', 'kysely', 'pg', '@electric-sql/*', 'node:*'], message: 'domain/ is framework- and I/O-free.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/lib/server/**/*.ts', 'src/lib/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/ui/**', '$lib/ui/*', '**/routes/**'], message: 'server code must not depend on the UI or routes.' }] }
      ]
    }
  }
);
