import type { FocusKind } from './shortcuts';

/** What kind of control an event came from, so shortcuts leave its own keys alone. */
export function focusKind(target: EventTarget | null): FocusKind {
  if (!(target instanceof Element)) return 'other';
  if (target.getAttribute('role') === 'slider') return 'slider';
  if (target instanceof HTMLInputElement) {
    if (target.type === 'range') return 'slider';
    if (target.type === 'checkbox' || target.type === 'radio' || target.type === 'button') return 'button';
    return 'text';
  }
  if (target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable)) return 'text';
  if (target instanceof HTMLSelectElement) return 'select';
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target.tagName === 'SUMMARY') return 'button';
  return 'other';
}
