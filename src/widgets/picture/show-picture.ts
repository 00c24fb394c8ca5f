// Mounts a recorded picture (the widget's first paint); returns the unmount.
import { mount, unmount, type Component } from 'svelte';
import type { ViewProps } from '../../ui/views/view-props';
import type { LookOptions } from '../options';
import type { PictureData, Wake } from './picture-data';
import WidgetPicture from './WidgetPicture.svelte';
import { operationBars } from '../../ui/views/later.svelte';
import { hasOperations } from '../../view-model/has-operations';

export { Cluster, Timeline } from './picture-views';

export type PictureViews = { readonly cluster?: Component<ViewProps>; readonly timeline?: Component<ViewProps> };

/**
 * Loads what the picture draws beyond the views themselves before it is shown, so it paints
 * whole: the bars of client operations, for a run that has any.
 */
export async function preparePicture(data: PictureData): Promise<void> {
  if (hasOperations(data.events)) await operationBars.load();
}

export function showPicture(target: HTMLElement, data: PictureData, look: LookOptions, views: PictureViews, onwake: (action: Wake) => void): () => void {
  const app = mount(WidgetPicture, { target, props: { data, look, views, onwake } });
  return () => void unmount(app);
}
