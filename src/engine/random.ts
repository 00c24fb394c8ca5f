// One seeded generator, split into named streams. It is counter-based: a draw is a pure hash
// of (seed, stream, counter), so no generator state has to live in the world, and the same
// seed always gives the same latencies, timer durations and faults.

export type Stream = 'latency' | 'timer' | 'loss' | 'duplication' | 'schedule';

const STREAM_SALT: { readonly [S in Stream]: number } = {
  latency: 0x9e3779b9,
  timer: 0x85ebca6b,
  loss: 0xc2b2ae35,
  duplication: 0x27d4eb2f,
  schedule: 0x165667b1,
};

/** A 32-bit avalanche mix (the finaliser of MurmurHash3): every input bit affects every output bit. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform draw in [0, 1) for the given seed, stream and counter. */
export function draw(seed: number, stream: Stream, counter: number): number {
  const a = mix32(seed ^ STREAM_SALT[stream]);
  const b = mix32(a ^ Math.imul(counter + 1, 0x9e3779b1));
  return mix32(b + a) / 4294967296;
}

/** A uniform integer in [min, max] (inclusive) for the given seed, stream and counter. */
export function drawInt(seed: number, stream: Stream, counter: number, min: number, max: number): number {
  if (max <= min) return min;
  return min + Math.floor(draw(seed, stream, counter) * (max - min + 1));
}

/** Turns any text (a seed typed by a person) into a 32-bit seed. */
export function seedFromText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h);
}
