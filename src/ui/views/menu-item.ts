/** One action in an ActionMenu. */
export interface MenuItem {
  readonly key: string;
  readonly label: string;
  /** Shown as a small heading above this item (to group items). */
  readonly group?: string;
  readonly tone?: 'bad' | 'ok' | 'plain';
  readonly run: () => void;
}
