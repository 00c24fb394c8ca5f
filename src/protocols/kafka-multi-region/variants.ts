// The correct protocol and two operator mistakes, each one replaced action or guard.
import type { VariantDefinition } from '../kit';
import { noFaults, noWriterFencingStart, reuseOffsetStart } from './checking';
import { rawPosition } from './checkpoint';
import { consumer } from './consumer';
import { consumerSetup } from './consumer-setup';
import { database } from './database';

/** Resumes at the checkpoint's raw offset, which counts in another region's aggregate. */
const rawOffsetConsumer = consumer.provide({
  actions: {
    takeOver: consumerSetup.enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'RESUME_FROM') return;
      const { position, progress } = rawPosition(event.checkpoint, context.settings.regions);
      enqueue.assign({ position, progress, claimed: null });
      const handed = event.checkpoint?.progress ?? progress;
      enqueue({ type: 'observe', params: { value: { tookOver: context.region, epoch: context.epoch, progress: [...handed] } } });
      enqueue({ type: 'note', params: { text: `starts at offset ${position}, the checkpoint's offset as it is, although it counts in another region's aggregate` } });
    }),
  },
});

export const variants: readonly VariantDefinition[] = [
  {
    id: 'correct',
    title: 'Correct',
    explanation: 'Checkpoints by source region mapped onto the new region\'s aggregate, and the database counting only the newest epoch\'s writer.',
  },
  {
    id: 'reuse-offset-across-regions',
    title: 'Reuse offset across regions',
    explanation: "The consumer taking over starts at the checkpoint's raw offset, which counts in the old region's aggregate: records are skipped or done again (active-passive).",
    machines: { consumer: rawOffsetConsumer },
    config: { arrangement: 'active-passive' },
    checkingPrefix: reuseOffsetStart,
    checkingBounds: { budget: noFaults },
  },
  {
    id: 'no-writer-fencing',
    title: 'No writer fencing',
    explanation: 'The database counts every write whatever its epoch: after a failover the old writer\'s output still counts (active-active).',
    machines: { sink: database.provide({ guards: { outputAllowed: () => true } }) },
    config: { arrangement: 'active-active' },
    checkingPrefix: noWriterFencingStart,
    checkingBounds: { maxDepth: 6, budget: noFaults },
  },
];
