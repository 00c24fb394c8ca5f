// The iframe page (`embed.html#<frame>?<attributes>`): one widget, full width, for hosts that allow
// iframes but not scripts. It reports its height, each step and each violation to the parent page
// and obeys play, pause, seek and step from it (embed-messages.ts has the protocol). It answers
// only its own parent, and only messages in its own shape.
import './fault-lines';
import { ATTRIBUTES } from './options';
import { readCommand, readEmbedHash, reportMessage, type EmbedReport } from './embed-messages';
import type { StepDetail, ViolationDetail } from './host-events.svelte';

const parentWindow = window.parent === window ? null : window.parent;
const post = (report: EmbedReport) => parentWindow?.postMessage(reportMessage(report), '*');

function build(): HTMLElementTagNameMap['fault-lines'] {
  const { link, attributes } = readEmbedHash(location.hash);
  const widget = document.createElement('fault-lines');
  for (const name of ATTRIBUTES) {
    const value = name === 'link' ? link : (attributes.get(name) ?? null);
    if (value !== null) widget.setAttribute(name, value);
  }
  return widget;
}

let widget = build();
document.body.replaceChildren(widget);

addEventListener('hashchange', () => {
  widget = build();
  document.body.replaceChildren(widget);
});

document.addEventListener('fault-lines:step', (event) => post({ type: 'step', ...(event as CustomEvent<StepDetail>).detail }));
document.addEventListener('fault-lines:violation', (event) => post({ type: 'violation', ...(event as CustomEvent<ViolationDetail>).detail }));

let lastHeight = -1;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === lastHeight) return;
  lastHeight = height;
  post({ type: 'height', height });
}).observe(document.body);

addEventListener('message', (event) => {
  if (parentWindow === null || event.source !== parentWindow) return;
  const command = readCommand(event.data);
  if (command === null) return;
  switch (command.type) {
    case 'play':
    case 'slide-start':
      return widget.play();
    case 'pause':
    case 'slide-stop':
      return widget.pause();
    case 'step':
      return widget.forward();
    case 'seek':
      return widget.seek(command.step);
  }
});

post({ type: 'ready' });
