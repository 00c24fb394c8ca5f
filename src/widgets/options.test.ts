import { describe, expect, it } from 'vitest';
import { frameText, quoted, readOptions, sameRun, type AttributeName } from './options';

const reader = (attributes: Partial<Record<AttributeName, string>>) => (name: AttributeName) => attributes[name] ?? null;

describe('widget attributes', () => {
  it('an element with only a protocol gets minimal controls, both views, captions and the system theme', () => {
    const { run, look, problems } = readOptions(reader({ protocol: 'paxos' }));
    expect(run).toEqual({ protocol: 'paxos', scenario: null, variant: null, link: null });
    expect(look).toMatchObject({ controls: 'minimal', view: 'both', caption: true, theme: 'auto', autoplay: false, step: null, heightPx: null });
    expect(problems).toEqual([]);
  });

  it('reads every documented attribute', () => {
    const { look } = readOptions(
      reader({ step: '12', autoplay: '', speed: '4', controls: 'full', view: 'timeline', height: '480px', theme: 'projector', caption: 'off' }),
    );
    expect(look).toEqual({ step: 12, autoplay: true, speed: 4, controls: 'full', view: 'timeline', heightPx: 480, theme: 'projector', caption: false });
  });

  it('a negative step, an absurd height and an unknown view each get a sentence and fall back', () => {
    const { look, problems } = readOptions(reader({ step: '-1', height: '1e9', view: 'sideways' }));
    expect(look.step).toBeNull();
    expect(look.heightPx).toBeNull();
    expect(look.view).toBe('both');
    expect(problems).toEqual([
      'step="-1" must be a whole number of steps, 0 or more: it is not used.',
      'view="sideways" is not one of both, cluster, timeline, statechart: using both.',
      'height="1e9" is not a number: it is not used.',
    ]);
  });

  it('markup in a name is refused as a name and quoted back as plain text, cut short', () => {
    const { run, problems } = readOptions(reader({ protocol: '<img src=x onerror=alert(1)>', scenario: 'a'.repeat(80) }));
    expect(run.protocol).toBeNull();
    expect(run.scenario).toBeNull();
    expect(problems[0]).toBe('protocol="<img src=x onerror=alert(1)>" is not a name Fault Lines knows (names are letters, digits and dashes).');
    expect(problems[1]).toContain(`"${'a'.repeat(39)}…"`);
  });

  it('a share link is read from a whole address or from its frame alone', () => {
    expect(frameText('https://example.org/paxos.html?scenario=x#1.paxos.correct')).toBe('1.paxos.correct');
    expect(frameText(' 1.paxos.correct ')).toBe('1.paxos.correct');
  });

  it('quoting removes line breaks and control characters', () => {
    expect(quoted('a\nb\u0000c')).toBe('"a b c"');
  });

  it('two readings name the same run when protocol, scenario, variant and link agree', () => {
    const a = readOptions(reader({ protocol: 'paxos', view: 'cluster' })).run;
    const b = readOptions(reader({ protocol: 'paxos', view: 'timeline' })).run;
    const c = readOptions(reader({ protocol: 'paxos', scenario: 'dueling-proposers' })).run;
    expect(sameRun(a, b)).toBe(true);
    expect(sameRun(a, c)).toBe(false);
  });
});
