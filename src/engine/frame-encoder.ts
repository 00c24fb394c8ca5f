import type { Choice } from './choice';
import { choiceProblem, encodeChoice } from './codec-choices';
import { headerProblem, sealFrame, type SharedFrame } from './codec';

/*
 * Share links for a run that a person keeps stepping through. `encodeFrame` writes every choice
 * each time, which on a 100,000-step run took 50 to 250 ms: too slow to follow the cursor. An
 * encoder keeps the tokens of the choices it has written, in blocks of `blockChoices`, and on the
 * next call reuses every block whose choices are the very same objects (runs are immutable, and a
 * history shares its choice objects between its versions and branches). Moving the cursor then
 * writes no choice at all, and a step at the end writes at most one block. What is left is the
 * check code, a hash of the whole text: about a millisecond for the longest link.
 */

/** How many choices one kept block holds. */
const blockChoices = 256;

interface Block {
  /** The id of the last message or timer token before the block: the tokens are deltas from it. */
  readonly previousId: number;
  readonly choices: readonly Choice[];
  readonly text: string;
  /** The id of the last message or timer token in or before the block. */
  readonly lastId: number;
}

export interface FrameEncoder {
  /** The same text as `encodeFrame`, and the same Error for a frame that cannot be a link. */
  (frame: SharedFrame): string;
  /** How many choices it has written so far (the rest came from kept blocks). */
  readonly choicesWritten: number;
}

function sameChoices(block: Block, choices: readonly Choice[], from: number): boolean {
  if (from + block.choices.length > choices.length) return false;
  for (let i = 0; i < block.choices.length; i++) if (block.choices[i] !== choices[from + i]) return false;
  return true;
}

export function createFrameEncoder(): FrameEncoder {
  let blocks: Block[] = [];
  let written = 0;

  const writeBlock = (choices: readonly Choice[], from: number, previousId: number): Block => {
    const slice = choices.slice(from, from + blockChoices);
    let text = '';
    let lastId = previousId;
    for (let i = 0; i < slice.length; i++) {
      const problem = choiceProblem(slice[i]!);
      if (problem !== null) throw new Error(`this run cannot be written as a link: choice ${from + i + 1}: ${problem}`);
      text += encodeChoice(slice[i]!, lastId);
      if ('id' in slice[i]!) lastId = (slice[i] as { id: number }).id;
    }
    written += slice.length;
    return { previousId, choices: slice, text, lastId };
  };

  // The choices last written and their text: a seek asks again with the same array, only the step changed.
  let last: { readonly choices: readonly Choice[]; readonly text: string } | null = null;

  const encode = (frame: SharedFrame): string => {
    const problem = headerProblem(frame);
    if (problem !== null) throw new Error(`this run cannot be written as a link: ${problem}`);
    if (last !== null && last.choices === frame.choices) return sealFrame(frame, last.text);
    const next: Block[] = [];
    let previousId = 0;
    for (let from = 0, index = 0; from < frame.choices.length; from += blockChoices, index++) {
      const kept = blocks[index];
      const full = Math.min(blockChoices, frame.choices.length - from);
      const reuse = kept !== undefined && kept.previousId === previousId && kept.choices.length === full && sameChoices(kept, frame.choices, from);
      const block = reuse ? kept : writeBlock(frame.choices, from, previousId);
      next.push(block);
      previousId = block.lastId;
    }
    blocks = next;
    let text = '';
    for (const block of next) text += block.text;
    last = { choices: frame.choices, text };
    return sealFrame(frame, text);
  };

  return Object.defineProperty(encode, 'choicesWritten', { get: () => written }) as FrameEncoder;
}
