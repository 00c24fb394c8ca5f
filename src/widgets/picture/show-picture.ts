// Mounts a recorded picture (the widget's first paint); returns the unmount.
import { mount, unmount, type Component } from 'svelte';
import type { ViewProps } from '../../ui/views/view-props';
import type { LookOptions } from '../options';
import type { PictureData, Wake } from './picture-data';
import WidgetPicture from './WidgetPicture.svelte';

export { Cluster, Timeline } from './picture-views';

export type PictureViews = { readonly cluster?: Component<ViewProps>; readonly timeline?: Component<ViewProps> };

export function showPicture(target: HTMLElement, data: PictureData, look: LookOptions, views: PictureViews, onwake: (action: Wake) => void): () => void {
  const app = mount(WidgetPicture, { target, props: { data, look, views, onwake } });
  return () => void unmount(app);
}
