#!/usr/bin/env node
// The `fault-lines` command. It runs the TypeScript sources directly through tsx, so the CLI
// works straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
// `fault-lines run … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
const { getHeapStatistics } = await import('node:v8');
process.exitCode = await main(process.argv.slice(2), {
  out: process.stdout,
  err: process.stderr,
  terminal: process.stderr.isTTY === true,
  clock: () => performance.now(),
  memory: () => ({ usedBytes: process.memoryUsage().heapUsed, limitBytes: getHeapStatistics().heap_size_limit }),
});
