// Lint, including the layer rule of DESIGN.md: each folder knows its room.
//   shared/          pure: imports nothing outside shared/, no Node, no Electron, no DOM-only code
//   electron/        the services, plain Node: never 'electron', never the page
//   electron/shell/  the only code that imports 'electron'
//   renderer/        the page: shared/ and itself only
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noElectron = { name: 'electron', message: 'Only electron/shell/ may import electron (layer rule).' };
const pattern = (group, message) => ({ group, message });
const intoRenderer = pattern(['**/renderer/**', '**/renderer'], 'The page is reached through the API contract, never imported (layer rule).');
const intoServices = pattern(['**/electron/**', '**/electron'], 'The services run in Node; the page talks to them through shared/api.ts (layer rule).');
const intoShell = pattern(['**/shell/**', '**/shell'], 'Services must not depend on the Electron shell (layer rule).');
const outOfShared = pattern(['../electron/**', '../renderer/**', '../e2e/**', '../scripts/**', '../../*'], 'shared/ imports nothing but itself (layer rule).');

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js', '*.config.{js,ts}', 'renderer/vite.config.ts', 'electron/**/*.ts', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node modules (layer rule).' }))], patterns: [outOfShared] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [intoRenderer, intoShell] }] },
  },
  {
    files: ['electron/shell/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [intoRenderer] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'], // build-time Node code, not the page
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The page has no Node (layer rule).' }))], patterns: [intoServices] }],
    },
  },
);
