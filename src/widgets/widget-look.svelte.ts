// How one widget is shown, from its attributes: changing an attribute later changes these fields
// and the layout follows. One instance per widget (never module-level), so widgets on a page never
// share how they look.
import type { Controls, LookOptions, WidgetView } from './options';

export class WidgetLook {
  controls: Controls = $state('minimal');
  view: WidgetView = $state('both');
  heightPx: number | null = $state(null);
  caption = $state(true);

  constructor(look: LookOptions) {
    this.update(look);
  }

  update(look: LookOptions): void {
    this.controls = look.controls;
    this.view = look.view;
    this.heightPx = look.heightPx;
    this.caption = look.caption;
  }
}
