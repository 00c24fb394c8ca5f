// What the page and its search worker say to each other. One worker runs one search at a time;
// each request carries an id, and every answer names the search it belongs to, so the page can
// ignore what a search it has since replaced still had in flight.
import type { SearchOutcome, SearchRequest } from '../../protocols/search-run';

export interface StartSearch {
  readonly id: number;
  readonly request: SearchRequest;
}

export type WorkerReport =
  /** How far the search has got; the rate is measured in the worker. */
  | { readonly id: number; readonly type: 'progress'; readonly states: number; readonly steps: number; readonly statesPerSecond: number }
  | { readonly id: number; readonly type: 'done'; readonly outcome: SearchOutcome; readonly seconds: number };
