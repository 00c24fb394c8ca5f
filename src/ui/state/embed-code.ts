// "Copy embed code": the two ways to put the frame on screen into another page. The script form
// is one module script and a <fault-lines> element; the iframe form needs no script at all. Both
// point at the site that made the link (the same folder as its pages), so they work pasted into
// a plain HTML file anywhere.

export interface EmbedSnippets {
  readonly script: string;
  readonly iframe: string;
}

/** Text for a double-quoted HTML attribute. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The snippets for the frame a share link opens. `shareLink` is a protocol page's address with the
 * frame after `#`; the scenario, when the run is one, brings its captions along.
 */
export function embedSnippets(shareLink: string, run: { readonly protocol: string; readonly scenario: string | null; readonly title: string }): EmbedSnippets {
  const url = new URL(shareLink);
  const frame = url.hash.slice(1);
  const root = new URL('./', url).href;
  const scenario = run.scenario === null ? '' : ` scenario="${attribute(run.scenario)}"`;
  const query = run.scenario === null ? '' : `?scenario=${encodeURIComponent(run.scenario)}`;
  return {
    script:
      `<script type="module" src="${attribute(root)}fault-lines.js"></script>\n` +
      `<fault-lines protocol="${attribute(run.protocol)}"${scenario} link="${attribute(frame)}"></fault-lines>`,
    iframe:
      `<iframe src="${attribute(`${root}embed.html#${frame}${query}`)}" title="${attribute(`${run.title} (Fault Lines)`)}"` +
      ` width="100%" height="640" style="border: 0" loading="lazy"></iframe>`,
  };
}
