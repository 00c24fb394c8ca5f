// The element's own styles in its shadow root, beside the theme: its frame, the sentence that
// lists what is wrong with its attributes, the box shown while it waits to load, and the
// simulator kept out of sight until it has laid itself out.
export const HOST_CSS = `
:host { display: block; position: relative; contain: layout style; }
:host([hidden]) { display: none; }
.frame { background: transparent; }
.problems { margin: 0 0 0.5em; padding: 0.5em 0.8em 0.5em 2em; border: 1px solid var(--fl-line);
  border-left: 4px solid var(--fl-bad); border-radius: var(--fl-radius); background: var(--fl-surface); }
.problems:empty { display: none; }
.waiting { display: grid; place-items: center; margin: 0; border: 1px dashed var(--fl-line);
  border-radius: calc(var(--fl-radius) * 2); color: var(--fl-muted); padding: 1em; text-align: center; }
.behind { position: absolute; inset: 0 0 auto 0; visibility: hidden; pointer-events: none; }
.fatal { margin: 0; padding: 1em; border: 1px solid var(--fl-line); border-left: 4px solid var(--fl-bad);
  border-radius: var(--fl-radius); background: var(--fl-surface); }
`;
