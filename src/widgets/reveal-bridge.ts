// reveal.js on the host page: a widget pauses when its slide is left and plays on when its slide
// comes back (if it was playing), and a fragment with `data-fault-lines-step="N"` on the widget's
// slide moves it to step N when shown (and back to the previous fragment's step when hidden).
// reveal dispatches these events on its `.reveal` element and they bubble to the document, with
// `currentSlide`, `previousSlide` and `fragment` set on the event.

export interface RevealTarget {
  readonly element: HTMLElement;
  playing(): boolean;
  play(): void;
  pause(): void;
  seek(step: number): void;
  /** The step to go back to when every step fragment of the slide is hidden. */
  firstStep(): number;
  /** Its slide has just been shown. */
  arrived(): void;
}

type RevealEvent = Event & { currentSlide?: Element; previousSlide?: Element; fragment?: Element };

const SLIDE_EVENTS = ['slidechanged', 'ready'];
const FRAGMENT_EVENTS = ['fragmentshown', 'fragmenthidden'];

function slideOf(element: Element): Element | null {
  return element.closest('.reveal .slides section');
}

/** Listens for reveal's events on the document; returns the stop. */
export function bridgeReveal(target: RevealTarget): () => void {
  let resume = false;
  const onSlide = (event: RevealEvent) => {
    const slide = slideOf(target.element);
    if (slide === null) return;
    const here = event.currentSlide !== undefined && (event.currentSlide === slide || event.currentSlide.contains(slide));
    if (!here) {
      if (target.playing()) resume = true;
      target.pause();
    } else {
      if (resume) target.play();
      resume = false;
      target.arrived();
    }
  };
  const onFragment = (event: RevealEvent) => {
    const slide = slideOf(target.element);
    if (slide === null || event.fragment === undefined || !slide.contains(event.fragment)) return;
    const shown = [...slide.querySelectorAll<HTMLElement>('.fragment.visible[data-fault-lines-step]')];
    const last = shown.at(-1)?.dataset['faultLinesStep'];
    const step = last === undefined ? target.firstStep() : Number(last);
    if (Number.isInteger(step) && step >= 0) target.seek(step);
  };
  for (const type of SLIDE_EVENTS) document.addEventListener(type, onSlide);
  for (const type of FRAGMENT_EVENTS) document.addEventListener(type, onFragment);
  return () => {
    for (const type of SLIDE_EVENTS) document.removeEventListener(type, onSlide);
    for (const type of FRAGMENT_EVENTS) document.removeEventListener(type, onFragment);
  };
}
