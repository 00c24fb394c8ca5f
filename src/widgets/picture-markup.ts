// A widget's first paint without any Svelte code: the scenario's picture as markup rendered at
// build time (picture/render-markup.ts, scripts/widget-pictures.ts) at the width nearest the widget's,
// shown inert until the live simulator replaces it. What the markup holds beyond the attributes'
// choice (the caption, the buttons, a view not asked for) is removed here.
//
// Why markup is safe to insert here: it is our own build's output for our own scenarios, fetched
// from a path built from a key in the build-time list of scenarios (checked by the caller) and a
// width from a fixed list; nothing from an attribute is in the path or in the markup. Still, it is
// parsed by DOMParser into an inert document (no script runs, nothing loads) and its nodes are
// moved in, rather than assigning a string to a live element's innerHTML.
import type { LookOptions } from './options';
import { markupPath, markupWidth, VIEW_INSET_PX } from './markup-sizes';
import type { Wake } from './picture/picture-data';

export interface Markup {
  /** Shows the picture in `target`; returns the removal. */
  readonly show: (target: HTMLElement, onwake: (action: Wake) => void) => () => void;
}

/**
 * The picture of a scenario (`protocolAndScenario`, a key of the build's list) for a widget
 * `widgetWidth` wide, or null when markup cannot show this look (a fixed height or the projector
 * theme lay the views out otherwise) or could not be fetched: the caller then mounts the picture.
 */
export async function fetchMarkup(protocolAndScenario: string, look: LookOptions, widgetWidth: number): Promise<Markup | null> {
  if (look.heightPx !== null || look.theme === 'projector' || widgetWidth <= VIEW_INSET_PX) return null;
  const rendered = markupWidth(widgetWidth);
  const response = await fetch(new URL(markupPath(protocolAndScenario, rendered), import.meta.url));
  if (!response.ok) return null;
  const parsed = new DOMParser().parseFromString(await response.text(), 'text/html');
  const section = parsed.body.querySelector<HTMLElement>('[data-painted="picture"]');
  if (section === null) return null;
  if (!look.caption) section.querySelector('.caption')?.remove();
  if (look.controls === 'none') section.querySelector('.controls')?.remove();
  if (look.view === 'timeline') section.querySelector('[data-view="cluster"]')?.remove();
  if (look.view === 'cluster') section.querySelector('[data-view="timeline"]')?.remove();
  if (look.theme !== 'auto') section.dataset['theme'] = look.theme;
  // Laid out for a box `rendered` wide: zoom makes the view's own box that wide, scaled to fit.
  const zoom = String((widgetWidth - VIEW_INSET_PX) / (rendered - VIEW_INSET_PX));
  for (const view of section.querySelectorAll<HTMLElement>('[data-view] > *')) view.style.zoom = zoom;
  const styles = [...parsed.head.querySelectorAll('style')];
  return {
    show(target, onwake) {
      section.addEventListener('pointerdown', () => onwake('focus'));
      section.addEventListener('focusin', () => onwake('focus'));
      for (const button of section.querySelectorAll<HTMLElement>('[data-wake]'))
        button.addEventListener('click', () => onwake(button.dataset['wake'] === 'play' ? 'play' : 'step'));
      target.replaceChildren(...styles, section);
      return () => target.replaceChildren();
    },
  };
}
