// A summary of a world's observations kept up to date one observation at a time, for rules that
// run on every step. Reading every observation on every new one made a long run quadratic (a
// 100,000-step Paxos run with every message lost froze the page for a minute); folding only what
// is new keeps the cost of a step independent of the length of the run.
import type { Observation, ObservationList, World } from '../../engine';

export interface ObservationFold<S> {
  /** The summary of no observations. It may read `world.system`, nothing else of the world. */
  start(world: World): S;
  /** Adds one observation to the summary, changing it in place. */
  add(summary: S, observation: Observation, world: World): void;
  /** An independent copy: kept every so often, to resume from after a fork or a seek. */
  copy(summary: S): S;
}

/** How many observations apart the kept copies are: a fork or a seek folds at most this many. */
const copyEvery = 128;

/**
 * Turns a fold into a function of the world. The common case, a world one step after the last
 * one asked about, costs one `add` per new observation. Any other world (a fork, a seek back,
 * another run) resumes from the nearest kept copy on its own line of observations, or from the
 * start, and folds forward from there.
 *
 * The summary returned is the fold's working copy: read what you need from it at once (build
 * the rule's message, copy any array you hand out) and do not keep it, since the next call may
 * change it.
 */
export function foldObservations<S>(fold: ObservationFold<S>): (world: World) => S {
  const kept = new WeakMap<ObservationList, S>();
  let live: { list: ObservationList; summary: S } | null = null;

  /** The nearest kept copy at or before `list`, or the start. */
  const resume = (list: ObservationList, world: World): { list: ObservationList; summary: S } => {
    let at = list;
    for (; at.previous !== null; at = at.previous) {
      const copy = kept.get(at);
      if (copy !== undefined) return { list: at, summary: fold.copy(copy) };
    }
    return { list: at, summary: fold.start(world) };
  };

  /** Folds the observations `to` holds beyond `current`, keeping a copy at every multiple of copyEvery. */
  const advance = (current: { list: ObservationList; summary: S }, to: ObservationList, world: World) => {
    const lists: ObservationList[] = [];
    for (let at: ObservationList = to; at.length > current.list.length; at = at.previous!) lists.push(at);
    for (let i = lists.length - 1; i >= 0; i--) {
      const at = lists[i]!;
      fold.add(current.summary, at.last!, world);
      if (at.length % copyEvery === 0 && !kept.has(at)) kept.set(at, fold.copy(current.summary));
    }
    current.list = to;
  };

  return (world) => {
    const list = world.observations;
    if (live !== null && live.list === list) return live.summary;
    const follows = live !== null && list.length > live.list.length && list.prefix(live.list.length) === live.list;
    const current = follows ? live! : resume(list, world);
    advance(current, list, world);
    live = current;
    return current.summary;
  };
}
