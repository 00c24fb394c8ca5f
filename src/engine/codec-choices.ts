import { quoted } from './quote';
import type { Choice } from './choice';
import { escapeText, isDigit, LinkProblem, parseWhole, readWhile, unescapeText, type Reader } from './codec-text';

/*
 * A run's choices as one compact token string. Every token starts with a letter:
 *
 *   d<delta>   deliver a message           x<delta>  drop it (a person's hand)
 *   l<delta>   lost by the network          f<delta>  fire a timer
 *   u<delta>   duplicate a message          U<delta>  duplicated by the network
 *   c<node>    crash a node                 r<node>   restart it
 *   p0,1_2     partition: groups split by `_`, the nodes of a group by `,`
 *   h          heal the partition
 *   o<node>:<op>_   a client operation; the op is escaped text (codec-text.ts), ended by `_`
 *   n<loss>,<dup>   network knobs in whole percent; either is empty when the choice leaves it be
 *
 * Messages and timers share one sequence of ids, and auto-play takes them in nearly increasing
 * order, so a message or timer token carries `<delta>`: its id minus the id of the previous
 * message or timer token (0 before the first), in decimal with a `-` when negative. Most deltas
 * are one digit, so a typical auto-played step costs two or three characters.
 */

const MESSAGE_TOKENS = {
  deliver: 'd',
  fire: 'f',
  drop: 'x',
  duplicate: 'u',
} as const;

const PERCENT_KEYS = ['lossPercent', 'duplicationPercent'] as const;

const isWholeAtLeastZero = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** What is wrong with a message or timer id, said exactly ("too large" is not "negative"). */
function idProblem(what: string, id: unknown): string | null {
  if (isWholeAtLeastZero(id)) return null;
  if (typeof id !== 'number' || !Number.isInteger(id)) return `${what} names id ${String(id)}, which is not a whole number`;
  if (id < 0) return `${what} names id ${id}; ids are never negative`;
  return `${what} names id ${id}, past the largest id a link can carry (${Number.MAX_SAFE_INTEGER})`;
}

/** Says what is wrong with a choice that cannot be written into a link, or null when it can. */
export function choiceProblem(choice: Choice): string | null {
  switch (choice.type) {
    case 'deliver':
    case 'fire':
    case 'drop':
    case 'duplicate':
      return idProblem(`a ${choice.type}`, choice.id);
    case 'crash':
    case 'restart':
    case 'client':
      if (!isWholeAtLeastZero(choice.node)) return `a ${choice.type} names node ${String(choice.node)}, not a whole number ≥ 0`;
      return choice.type === 'client' && typeof choice.op !== 'string' ? 'a client operation must be text' : null;
    case 'partition':
      if (choice.groups.length === 0) return 'a partition needs at least one group';
      for (const group of choice.groups) {
        if (group.length === 0) return 'a partition group must name at least one node';
        if (!group.every(isWholeAtLeastZero)) return 'a partition names a node that is not a whole number ≥ 0';
      }
      return null;
    case 'heal':
      return null;
    case 'network':
      for (const key of Object.keys(choice.options)) {
        const value = (choice.options as Record<string, unknown>)[key];
        if (!(PERCENT_KEYS as readonly string[]).includes(key)) return `a network choice cannot set ${quoted(key)}`;
        if (!isWholeAtLeastZero(value) || value > 100) return `${key} must be a whole percentage, 0 to 100`;
      }
      return null;
    default:
      return `${quoted(String((choice as { type: unknown }).type))} is not a kind of choice`;
  }
}

export function encodeChoice(choice: Choice, previousId: number): string {
  switch (choice.type) {
    case 'deliver':
    case 'fire':
      return `${MESSAGE_TOKENS[choice.type]}${choice.id - previousId}`;
    case 'drop':
      return `${choice.cause === 'network' ? 'l' : 'x'}${choice.id - previousId}`;
    case 'duplicate':
      return `${choice.cause === 'network' ? 'U' : 'u'}${choice.id - previousId}`;
    case 'crash':
      return `c${choice.node}`;
    case 'restart':
      return `r${choice.node}`;
    case 'partition':
      return `p${choice.groups.map((group) => group.join(',')).join('_')}`;
    case 'heal':
      return 'h';
    case 'client':
      return `o${choice.node}:${escapeText(choice.op)}_`;
    case 'network':
      return `n${choice.options.lossPercent ?? ''},${choice.options.duplicationPercent ?? ''}`;
  }
}

/** Writes choices as tokens; the caller has checked each with `choiceProblem`. */
export function encodeChoices(choices: readonly Choice[]): string {
  let previousId = 0;
  let out = '';
  for (const choice of choices) {
    out += encodeChoice(choice, previousId);
    if ('id' in choice) previousId = choice.id;
  }
  return out;
}

type Letter = 'd' | 'x' | 'l' | 'u' | 'U' | 'f';

function messageChoice(letter: Letter, id: number): Choice {
  switch (letter) {
    case 'd':
      return { type: 'deliver', id };
    case 'f':
      return { type: 'fire', id };
    case 'x':
      return { type: 'drop', id };
    case 'l':
      return { type: 'drop', id, cause: 'network' };
    case 'u':
      return { type: 'duplicate', id };
    case 'U':
      return { type: 'duplicate', id, cause: 'network' };
  }
}

function readSigned(reader: Reader, what: string): number {
  const sign = reader.text[reader.at] === '-' ? (reader.at++, '-') : '';
  return parseWhole(sign + readWhile(reader, isDigit), what);
}

function readNode(reader: Reader, what: string): number {
  const node = readSigned(reader, what);
  if (node < 0) throw new LinkProblem(`${what} names node ${node}; nodes are numbered from 0`);
  return node;
}

function readPartition(reader: Reader, what: string): Choice {
  const text = readWhile(reader, (char) => isDigit(char) || char === ',' || char === '_' || char === '-');
  const groups = text.split('_').map((group) => {
    if (group === '') throw new LinkProblem(`${what} has an empty partition group`);
    return group.split(',').map((node) => {
      const n = parseWhole(node, `a node in ${what}`);
      if (n < 0) throw new LinkProblem(`${what} names node ${n}; nodes are numbered from 0`);
      return n;
    });
  });
  return { type: 'partition', groups };
}

function readClient(reader: Reader, what: string): Choice {
  const node = readNode(reader, what);
  if (reader.text[reader.at] !== ':') throw new LinkProblem(`${what} needs ":" after its node`);
  reader.at++;
  const end = reader.text.indexOf('_', reader.at);
  if (end < 0) throw new LinkProblem(`${what} is cut short: its operation has no closing "_"`);
  const op = unescapeText(reader.text.slice(reader.at, end), `the operation of ${what}`);
  reader.at = end + 1;
  return { type: 'client', node, op };
}

function readPercent(text: string, what: string): number | undefined {
  if (text === '') return undefined;
  const value = parseWhole(text, what);
  if (value < 0 || value > 100) throw new LinkProblem(`${what} must be 0 to 100, not ${value}`);
  return value;
}

function readNetwork(reader: Reader, what: string): Choice {
  const text = readWhile(reader, (char) => isDigit(char) || char === ',' || char === '-');
  const parts = text.split(',');
  if (parts.length !== 2) throw new LinkProblem(`${what} needs two percentages split by ","`);
  const lossPercent = readPercent(parts[0]!, `the loss in ${what}`);
  const duplicationPercent = readPercent(parts[1]!, `the duplication in ${what}`);
  const options = {
    ...(lossPercent === undefined ? {} : { lossPercent }),
    ...(duplicationPercent === undefined ? {} : { duplicationPercent }),
  };
  return { type: 'network', options };
}

/** Reads the token string back into choices, refusing more than `maxChoices`. */
export function decodeChoices(text: string, maxChoices: number): Choice[] {
  const reader: Reader = { text, at: 0 };
  const choices: Choice[] = [];
  let previousId = 0;
  while (reader.at < text.length) {
    if (choices.length >= maxChoices) throw new LinkProblem(`the run has more than ${maxChoices} choices`);
    const letter = text[reader.at++]!;
    const what = `choice ${choices.length + 1} (${quoted(letter)})`;
    if ('dxluUf'.includes(letter)) {
      const id = previousId + readSigned(reader, what);
      const problem = idProblem(what, id);
      if (problem !== null) throw new LinkProblem(problem);
      choices.push(messageChoice(letter as Letter, id));
      previousId = id;
    } else if (letter === 'c' || letter === 'r') {
      choices.push({ type: letter === 'c' ? 'crash' : 'restart', node: readNode(reader, what) });
    } else if (letter === 'p') choices.push(readPartition(reader, what));
    else if (letter === 'h') choices.push({ type: 'heal' });
    else if (letter === 'o') choices.push(readClient(reader, what));
    else if (letter === 'n') choices.push(readNetwork(reader, what));
    else throw new LinkProblem(`choice ${choices.length + 1} starts with ${quoted(letter)}, which is not a kind of choice`);
  }
  return choices;
}
