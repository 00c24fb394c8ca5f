// Frame times in Chromium while scrubbing and while playing a 10,000-event two-phase commit run.
import type { Figure } from './figure';

export async function browserFigures(): Promise<Figure[]> {
  return [];
}
