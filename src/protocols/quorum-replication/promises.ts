// What each configuration promises, so the checker checks exactly that and the page can say it.
// linearizable (the ABD register): all three invariants. dynamo: no lost acknowledged write and
// convergence, not linearizability: a read may return an old value or several siblings, and
// that is the deal Dynamo makes for availability. Convergence needs anti-entropy: read repair
// alone fixes only the replicas a read happens to ask.
import type { Json } from '../../engine';

export interface Promises {
  readonly linearizable: boolean;
  readonly noLostAcknowledgedWrite: boolean;
  readonly convergedWhenQuiet: boolean;
}

export function promises(config: { readonly [key: string]: Json }): Promises {
  return {
    linearizable: config['consistency'] === 'linearizable',
    noLostAcknowledgedWrite: true,
    convergedWhenQuiet: config['antiEntropy'] === true,
  };
}

/** The promise in words, for the page and the inspector. */
export function promiseText(config: { readonly [key: string]: Json }): string {
  const p = promises(config);
  const kept = ['no-lost-acknowledged-write', ...(p.linearizable ? ['linearizable'] : []), ...(p.convergedWhenQuiet ? ['converged-when-quiet'] : [])];
  return `${config['consistency'] === 'linearizable' ? 'linearizable' : 'dynamo'}: promises ${kept.join(', ')}`;
}
