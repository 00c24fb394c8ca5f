// Checkpoints as text in a log ("A@3, epoch 1, done A:2 B:1"), which of two is newer, and how a
// consumer taking over turns one into a start position in its own region's aggregate stream.
import type { Json } from '../../engine';
import { mappedStart, noProgress, type Progress } from '../kafka/offset-mapping';
import { regionName, sourceOf } from './config';
import type { Checkpoint } from './messages';

export function checkpointText(c: Checkpoint): string {
  return `${regionName(c.region)}@${c.aggregateOffset}, epoch ${c.epoch}, done ${c.progress.map((n, r) => `${regionName(r)}:${n}`).join(' ')}`;
}

export function readCheckpoint(text: Json | undefined): Checkpoint | null {
  if (typeof text !== 'string') return null;
  const match = /^([A-C])@(\d+), epoch (\d+), done (.*)$/.exec(text);
  if (match === null) return null;
  const progress = match[4]!.split(' ').map((part) => Number(part.split(':')[1]));
  if (progress.some((n) => !Number.isInteger(n))) return null;
  return { region: match[1]!.charCodeAt(0) - 65, aggregateOffset: Number(match[2]), epoch: Number(match[3]), progress };
}

const done = (p: Progress) => p.reduce((sum, n) => sum + n, 0);

/** The newer of two checkpoints: a later epoch, or more records done. */
export function newer(a: Checkpoint | null, b: Checkpoint | null): Checkpoint | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.epoch !== b.epoch) return a.epoch > b.epoch ? a : b;
  return done(b.progress) > done(a.progress) ? b : a;
}

/** Where a consumer taking over starts, mapped by source (correct): nothing not done is skipped. */
export function mappedPosition(aggregate: readonly string[], checkpoint: Checkpoint | null, regions: number): { position: number; progress: Progress } {
  const progress = checkpoint?.progress ?? noProgress(regions);
  return { position: mappedStart(aggregate, sourceOf, progress), progress };
}

/** The mistake: the checkpoint's offset, which counts in another region's aggregate, used as it is. */
export function rawPosition(checkpoint: Checkpoint | null, regions: number): { position: number; progress: Progress } {
  return { position: checkpoint?.aggregateOffset ?? 0, progress: noProgress(regions) };
}
