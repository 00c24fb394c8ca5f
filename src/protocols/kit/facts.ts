// The generic value kinds a protocol uses to put its one or two key facts on the picture itself
// (on the node in the cluster and beside its lane), so a student reads the story without opening
// a panel. Components draw these kinds; they never know which protocol filled them in.

/** A mark on a fact, in words: the picture never relies on colour alone. */
export type FactTone = 'plain' | 'good' | 'bad' | 'warn';

export type NodeFact =
  /** One short value: "accepted B @ 2.1", "vote yes". */
  | { readonly kind: 'value'; readonly name: string; readonly value: string; readonly tone?: FactTone }
  /** A small table: a replica's keys with value, version and dirty flag. */
  | {
      readonly kind: 'table';
      readonly name: string;
      readonly columns: readonly string[];
      readonly rows: readonly { readonly cells: readonly string[]; readonly tone?: FactTone }[];
    }
  /**
   * A log of entries with named markers pointing between them (a partition with its log end,
   * a consumer's position, the committed offset). `at` is the index of the entry a marker
   * points at; `at === entries.length` points past the end.
   */
  | {
      readonly kind: 'log';
      readonly name: string;
      readonly entries: readonly { readonly text: string; readonly tone?: FactTone }[];
      readonly markers: readonly { readonly at: number; readonly label: string }[];
    }
  /** A list of items, some marked in words ("twice", "missing"). */
  | {
      readonly kind: 'list';
      readonly name: string;
      readonly items: readonly { readonly text: string; readonly mark?: string; readonly tone?: FactTone }[];
    };
