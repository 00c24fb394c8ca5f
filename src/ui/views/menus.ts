// What the views show only after a person acts (a node's or a message's menu of actions, the flags
// of a run's other futures), in one chunk loaded on first use (see later.svelte.ts).
export { default as ActionMenu } from './ActionMenu.svelte';
export { default as TimelineForks } from './TimelineForks.svelte';
export { menuItems, nodeMenu } from './actions';
