import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'storybook-static/',
      'src/generated/',
      'custom-elements.json',
      'bench/results/',
      'receiver/dist/',
      'data/',
      '.demo/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    plugins: { 'lit-a11y': litA11y },
    rules: { ...litA11y.configs.recommended.rules },
  },
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      '**/*.js',
      'scripts/**',
      'bench/**',
      '*.config.*',
      '.storybook/**',
      'demo/vite.config.ts',
      'test/server/**',
      'receiver/**',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
