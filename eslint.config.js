// Lint, including the layer rule of docs/ARCHITECTURE.md §1: imports point down
// engine <- protocols <- view-model <- ui <- app | widgets | cli, and nothing below `ui`
// reads a clock, a timer or Math.random.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const above = (...layers) =>
  layers.map((layer) => ({
    group: [`**/${layer}/**`, `**/${layer}`],
    message: `this layer may not import from src/${layer} (see docs/ARCHITECTURE.md §1)`,
  }));

const ui = ['ui', 'app', 'widgets', 'cli'];

const layer = (files, patterns, extra = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, ...extra] }] },
});

const packagesOnly = (allowed, message) => ({
  regex: `^(?!\\.|${allowed.map((a) => a.replace('/', '\\/')).join('|') || '$^'})`,
  message,
});

const deterministic = {
  files: ['src/engine/**/*.ts', 'src/protocols/**/*.ts', 'src/view-model/**/*.ts'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-properties': [
      'error',
      { object: 'Math', property: 'random', message: 'use the seeded generator in src/engine/random.ts' },
      { object: 'Date', property: 'now', message: 'time is integer ticks below src/ui' },
      { object: 'performance', property: 'now', message: 'time is integer ticks below src/ui' },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'setTimeout', message: 'timers are engine effects below src/ui' },
      { name: 'setInterval', message: 'timers are engine effects below src/ui' },
      { name: 'performance', message: 'time is integer ticks below src/ui' },
    ],
    'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'time is integer ticks below src/ui' }],
  },
};

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.bench/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  { files: ['**/*.test.ts', 'tests/**/*.ts', 'scripts/**/*.ts'], rules: { 'max-lines': 'off' } },
  layer(['src/engine/**/*.ts'], [...above('protocols', 'view-model', ...ui)], [
    packagesOnly([], 'src/engine imports nothing outside the standard library'),
  ]),
  {
    files: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...above('view-model', ...ui), packagesOnly(['vitest', 'fast-check'], 'engine tests use vitest and fast-check only')] }],
    },
  },
  layer(['src/protocols/**/*.ts'], [...above('view-model', ...ui)], [
    packagesOnly(['xstate', 'vitest', 'fast-check'], 'protocols import only the engine, the kit and xstate'),
  ]),
  layer(['src/view-model/**/*.ts'], [...above(...ui)], [
    packagesOnly(['d3-scale', 'd3-shape', 'd3-array', 'vitest', 'fast-check'], 'the view-model uses d3-scale, d3-shape and d3-array only'),
  ]),
  layer(['src/ui/**/*.{ts,svelte}'], above('app', 'widgets', 'cli')),
  layer(['src/cli/**/*.ts'], above('ui', 'app', 'widgets'), [
    { group: ['svelte', 'svelte/*', 'd3-selection', 'd3-zoom'], message: 'the CLI never imports UI code' },
  ]),
  deterministic,
);
