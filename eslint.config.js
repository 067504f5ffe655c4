// ESLint flat config: run with `npm run lint`.
// Syntax-only presets (no type-aware rules) so a full run stays fast on 2 cores;
// `npm run typecheck` does the type checking (and so knows the Node and DOM globals:
// typescript-eslint's preset turns `no-undef` off for .ts files).
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'web/dist/',
      '.index/',
      'evals/reports/',
      'coverage/',
      '.build/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Callbacks passed to Playwright's evaluate() run in the page, but the root tsconfig has no DOM lib,
    // so their element parameters are typed `any` on purpose.
    files: ['tests/browser/**/*.ts', 'tests/helpers/browser-*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // CommonJS config files (.dependency-cruiser.cjs).
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // Last: turn off every stylistic rule that Prettier owns.
  prettier,
);
