// The model checker off the page's thread: the page posts a search, this worker loads the one
// protocol it names (catalogue.ts, so no other protocol is fetched), runs it and posts progress
// and the outcome. The page cancels a search by ending the worker.
import { loadProtocol } from '../../protocols/catalogue';
import { searchRun } from '../../protocols/search-run';
import type { StartSearch, WorkerReport } from './messages';

/** The worker's global scope, as much of it as this file uses (the DOM types describe a window). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<StartSearch>) => void) | null;
  postMessage(report: WorkerReport): void;
};

async function run({ id, request }: StartSearch): Promise<void> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const protocol = await loadProtocol(request.run.protocol);
  if (protocol === undefined) {
    const message = `There is no protocol "${String(request.run.protocol).slice(0, 60)}" to search.`;
    scope.postMessage({ id, type: 'done', outcome: { kind: 'failed', message }, seconds: seconds() });
    return;
  }
  scope.postMessage({ id, type: 'progress', states: 0, steps: 0, statesPerSecond: 0 });
  const outcome = searchRun(protocol, request, ({ states, steps }) => {
    scope.postMessage({ id, type: 'progress', states, steps, statesPerSecond: Math.round(states / Math.max(seconds(), 1e-3)) });
    return null;
  });
  scope.postMessage({ id, type: 'done', outcome, seconds: seconds() });
}

scope.onmessage = (event) => {
  run(event.data).catch((error: unknown) => {
    // A bug, not a bad request (those come back as sentences): say so rather than fall silent.
    const message = `The search failed unexpectedly: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}.`;
    scope.postMessage({ id: event.data.id, type: 'done', outcome: { kind: 'failed', message }, seconds: 0 });
  });
};
