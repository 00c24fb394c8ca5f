// Offsets across copies of the same records. Each region's aggregate stream holds every region's
// records, but in the order they arrived there (its own region's first, remote ones later), so the
// same record sits at a different offset in each region. A checkpoint therefore records progress
// by source: for each source region, how many of its records are done. Mapping that progress onto
// another region's aggregate gives where a consumer there must start, and which records after
// that point it can skip because they are already done.

/** Where a record came from: its source region and its offset in that region's own stream. */
export interface Source {
  readonly region: number;
  readonly offset: number;
}

/** For each source region, how many of its records (from offset 0) are done. */
export type Progress = readonly number[];

export const noProgress = (regions: number): Progress => Array.from({ length: regions }, () => 0);

/** Whether the record is covered by the progress (done). */
export const isDone = (progress: Progress, source: Source): boolean => source.offset < (progress[source.region] ?? 0);

/** Progress after more records are done (it never goes back). */
export function advanceProgress(progress: Progress, sources: readonly Source[]): Progress {
  const next = [...progress];
  for (const s of sources) next[s.region] = Math.max(next[s.region] ?? 0, s.offset + 1);
  return next;
}

/**
 * Where to start in an aggregate stream so that nothing not done is skipped: the offset of its
 * first record the progress does not cover (the stream's end when it covers them all).
 */
export function mappedStart(aggregate: readonly string[], sourceOf: (value: string) => Source | null, progress: Progress): number {
  const first = aggregate.findIndex((v) => {
    const source = sourceOf(v);
    return source !== null && !isDone(progress, source);
  });
  return first < 0 ? aggregate.length : first;
}
