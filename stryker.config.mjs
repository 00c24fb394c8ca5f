// `npm run mutate`: StrykerJS plants small bugs (mutants) in a protocol's machines and runs that
// protocol's tests against each (vitest.mutate.config.ts); a mutant no test notices is a rule no
// test pins. Outside CI: about three seconds per mutant on two cores, so one file at a time, e.g.
// `npm run mutate -- --mutate src/protocols/paxos/acceptor.ts`.
const protocol = process.env.MUTATE_PROTOCOL ?? 'paxos';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // The Paxos machines by default; another protocol's with MUTATE_PROTOCOL and --mutate, e.g.
  // `MUTATE_PROTOCOL=two-phase-commit npm run mutate -- --mutate src/protocols/two-phase-commit/participant.ts`.
  mutate: ['src/protocols/paxos/acceptor.ts', 'src/protocols/paxos/proposer.ts'],
  concurrency: 1,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  // One report per run, named by protocol and time: `npm run bench` takes each file's newest.
  jsonReporter: { fileName: `reports/mutation/${protocol}-${Date.now()}.json` },
  // What the sandbox copy leaves out: build output and test reports (which `npm test` rewrites).
  ignorePatterns: ['dist', '.test-results', 'test-results', 'playwright-report', 'screenshots', 'reports', '.bench'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
