// The views a picture draws, in one chunk with the picture itself (fewer, larger files compress
// better and cost fewer round trips than one file per view).
export { default as Cluster } from '../../ui/views/Cluster.svelte';
export { default as Timeline } from '../../ui/views/Timeline.svelte';
