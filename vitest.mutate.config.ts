// The tests `npm run mutate` runs against each mutant: the protocol's own tests (MUTATE_PROTOCOL,
// Paxos unless named) except its random-run property test. The machines are built when their
// module loads, so every mutant in them is "static" and runs all of these tests: a thousand
// random runs per mutant would take hours on two cores, and the checker, scenario, regression and
// rule tests pin the same rules.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { CheckerLast } from './vitest.mutate.order';
import { unloadedFileAsFailedTest } from './vitest.mutate.unloaded';

const protocol = process.env.MUTATE_PROTOCOL ?? 'paxos';

export default defineConfig({
  plugins: [svelte()],
  test: {
    include: [`src/protocols/${protocol}/*.test.ts`],
    exclude: [`src/protocols/${protocol}/property.test.ts`],
    environment: 'node',
    // Each test computes its transitions afresh (see vitest.mutate.setup.ts).
    setupFiles: ['vitest.mutate.setup.ts'],
    testTimeout: 60_000,
    // A mutant that stops a test file from loading is killed, not survived (see the reporter).
    reporters: ['default', unloadedFileAsFailedTest()],
    // Fast files first: a mutant is usually killed long before the checker's search runs.
    sequence: { sequencer: CheckerLast },
  },
});
