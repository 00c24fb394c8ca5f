#!/usr/bin/env node
// `npm test`: every check a change must pass, in order: typecheck, lint, unit and property tests,
// build, end-to-end tests. Every stage runs even when an earlier one fails, so one run shows
// everything that is wrong. The last line is always `N passed, N failed`, counting each test
// and each test-less stage (typecheck, lint, build) as one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function stage(title, ok) {
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${title}`);
}

function counted(title, ok, file, read) {
  const counts = existsSync(file) ? read(JSON.parse(readFileSync(file, 'utf8'))) : null;
  if (counts === null || counts.passed + counts.failed === 0) return stage(title, false);
  passed += counts.passed;
  failed += counts.failed + (ok || counts.failed > 0 ? 0 : 1);
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${title}: ${counts.passed} passed, ${counts.failed} failed`);
}

const npx = (title, args, env) => run(title, 'npx', args, env);

stage('typecheck (svelte-check)', npx('typecheck', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']));
stage('typecheck (engine, protocols, view-model without the DOM)', npx('typecheck core', ['tsc', '-p', 'tsconfig.core.json']));
stage('typecheck (cli, without the DOM)', npx('typecheck node', ['tsc', '-p', 'tsconfig.node.json']));
stage('lint (layers, determinism, style)', npx('lint', ['eslint', '.', '--max-warnings', '0']));

const unitFile = `${results}/unit.json`;
const unitOk = npx('unit and property tests', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitFile}`]);
counted('unit and property tests', unitOk, unitFile, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));

const built = run('build', 'npx', ['vite', 'build']);
stage('build', built);

if (built && existsSync('playwright.config.ts')) {
  const e2eFile = `${results}/e2e.json`;
  const e2eOk = npx('end-to-end tests', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile });
  counted('end-to-end tests', e2eOk, e2eFile, (r) => ({
    passed: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0),
    failed: r.stats?.unexpected ?? 0,
  }));
} else if (!built) {
  stage('end-to-end tests (not run: the build failed)', false);
}

console.log(`\n━━ summary\n${lines.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
