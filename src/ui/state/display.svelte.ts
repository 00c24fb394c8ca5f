// How one simulator root is shown: its theme, presentation mode and open overlays. The site
// reads the initial values from the page's query (`?theme=projector`, `?present`); a widget
// from its attributes. Nothing here is module-level.

export type ThemeChoice = 'system' | 'light' | 'dark' | 'projector';
export const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark', 'projector'];

export class Display {
  theme: ThemeChoice = $state('system');
  /** Presentation mode: projector theme, big type, presenter-remote keys. */
  presenting = $state(false);
  /** Presentation mode only: the screen is black (a presenter remote's B or "."), the run keeps its place. */
  blanked = $state(false);
  helpOpen = $state(false);

  constructor(initial: { theme?: ThemeChoice; presenting?: boolean } = {}) {
    this.theme = initial.theme ?? 'system';
    this.presenting = initial.presenting ?? false;
    if (this.presenting) this.theme = 'projector';
  }

  /** The value for the root's `data-theme` attribute (absent means follow the system). */
  get themeAttribute(): string | undefined {
    return this.theme === 'system' ? undefined : this.theme;
  }

  setPresenting(on: boolean): void {
    this.presenting = on;
    this.blanked = false;
    this.theme = on ? 'projector' : 'system';
  }
}

/** Reads `?theme=…` and `?present` from a query string; unknown values fall back quietly. */
export function displayFromQuery(search: string): { theme: ThemeChoice; presenting: boolean } {
  const asked = queryValue(search, 'theme');
  const theme = THEMES.find((t) => t === asked) ?? 'system';
  const present = queryValue(search, 'present');
  const presenting = present !== null && present !== '0' && present !== 'false';
  return { theme, presenting };
}

function queryValue(search: string, name: string): string | null {
  return new URLSearchParams(search).get(name);
}
