// Mounts a page component into #app, replacing the <noscript> placeholder.
import { mount, type Component } from 'svelte';
import '../ui/theme.css';
import './site.css';

export function mountPage<Props extends Record<string, unknown>>(page: Component<Props>, props: Props): void {
  const target = document.getElementById('app');
  if (target === null) throw new Error('the page has no #app element');
  target.replaceChildren();
  mount(page, { target, props });
}
