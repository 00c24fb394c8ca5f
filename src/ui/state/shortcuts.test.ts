import { describe, expect, it } from 'vitest';
import { commandFor, keyLabel, SHORTCUTS } from './shortcuts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('space plays or pauses when focus is on the simulator itself', () => {
    expect(commandFor(press(' '), 'other', false)).toBe('toggle-play');
  });

  it('space on a focused button presses the button instead of playing', () => {
    expect(commandFor(press(' '), 'button', false)).toBeNull();
  });

  it('the arrow keys step, except on the scrubber, which moves itself', () => {
    expect(commandFor(press('ArrowRight'), 'button', false)).toBe('step');
    expect(commandFor(press('ArrowLeft'), 'other', false)).toBe('step-back');
    expect(commandFor(press('ArrowRight'), 'slider', false)).toBeNull();
  });

  it('a presenter remote steps with Page Down and Page Up only in presentation mode', () => {
    expect(commandFor(press('PageDown'), 'other', false)).toBeNull();
    expect(commandFor(press('PageDown'), 'other', true)).toBe('step');
    expect(commandFor(press('PageUp'), 'button', true)).toBe('step-back');
  });

  it('a presenter remote blanks the screen with B or "." only in presentation mode, where "." no longer steps', () => {
    expect(commandFor(press('b'), 'other', true)).toBe('blank');
    expect(commandFor(press('.'), 'button', true)).toBe('blank');
    expect(commandFor(press('.'), 'other', false)).toBe('step');
    expect(commandFor(press('b'), 'other', false)).toBeNull();
  });

  it('typing in a text field never triggers a shortcut, but Escape still closes', () => {
    expect(commandFor(press('r'), 'text', false)).toBeNull();
    expect(commandFor(press('?'), 'text', false)).toBeNull();
    expect(commandFor(press('Escape'), 'text', false)).toBe('close');
  });

  it('keys held with Ctrl, Cmd or Alt belong to the browser', () => {
    expect(commandFor(press('c', { ctrlKey: true }), 'other', false)).toBeNull();
    expect(commandFor(press('r', { metaKey: true }), 'other', false)).toBeNull();
  });

  it('no key is bound to two commands', () => {
    const seen = new Map<string, string>();
    for (const s of SHORTCUTS)
      for (const key of s.keys) {
        const slot = `${key}:${s.presenting === true}`;
        expect(seen.get(slot), `${key} is bound twice`).toBeUndefined();
        seen.set(slot, s.command);
      }
  });

  it('the help overlay names keys in words a person reads', () => {
    expect(keyLabel(' ')).toBe('Space');
    expect(keyLabel('PageDown')).toBe('Page Down');
    expect(keyLabel('?')).toBe('?');
  });
});
