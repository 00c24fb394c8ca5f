// A scenario's picture as static markup, rendered at build time (scripts/widget-pictures.ts loads
// this module through Vite's SSR): the same WidgetPicture, cluster and timeline as the picture a
// widget mounts, laid out for a box of a given width, with both views, the caption and the
// playback buttons; a widget removes what its attributes do not ask for. The components' styles
// (Svelte puts injected styles in `head` when rendering on the server) come first, as one sheet,
// so the markup carries what it needs into the shadow root it is shown in.
import { render } from 'svelte/server';
import type { Protocol } from '../../protocols/kit/types';
import { readOptions } from '../options';
import { operationBars } from '../../ui/views/later.svelte';
import { hasOperations } from '../../view-model/has-operations';
import { CLUSTER_HEIGHT_PX, VIEW_INSET_PX } from '../markup-sizes';
import { Cluster, Timeline } from './picture-views';
import { recordPicture } from './record';
import WidgetPicture from './WidgetPicture.svelte';

/** Svelte's hydration markers: a picture is never hydrated, the live simulator replaces it. */
const MARKERS = /<!--(?:\[-?\d*|\]|\$s\d+|)-->/g;

export async function renderMarkup(protocol: Protocol, scenarioId: string, widgetWidth: number): Promise<string> {
  const data = recordPicture(protocol, scenarioId);
  if (hasOperations(data.events)) await operationBars.load();
  const look = { ...readOptions(() => null).look, caption: true, controls: 'minimal' as const, view: 'both' as const };
  const presize = { width: widgetWidth - VIEW_INSET_PX, height: CLUSTER_HEIGHT_PX };
  const { head, body } = render(WidgetPicture, { props: { data, look, views: { cluster: Cluster, timeline: Timeline }, onwake: () => {}, presize } });
  return `<style>${styles(head)}</style>${body.replace(MARKERS, '')}`;
}

/**
 * The components' styles as one sheet without the ids Svelte gives each: the live components
 * inject their own sheet only where none with their id is in the shadow root yet, so the picture's
 * must not carry those ids, or the live ones would lose their styles when the picture is removed.
 */
function styles(head: string): string {
  return [...head.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
}
