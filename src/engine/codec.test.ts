import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCode } from './codec-text';
import { apply, createWorld, decodeFrame, encodeFrame, MAX_FRAME_CHARS, next, type Choice, type SharedFrame, type World } from './index';
import { gossipSystem } from './testing/gossip';

/** Text with a correct check code, so a test can reach the parts the check code guards. */
const sealed = (body: string): string => `${body}.${checkCode(body)}`;

const reasonOf = (text: string): string => {
  const result = decodeFrame(text);
  return result.ok ? 'ok' : result.reason;
};

const every: Choice[] = [
  { type: 'client', node: 0, op: 'begin tx_1' },
  { type: 'deliver', id: 3 },
  { type: 'drop', id: 5 },
  { type: 'drop', id: 4, cause: 'network' },
  { type: 'duplicate', id: 7 },
  { type: 'duplicate', id: 8, cause: 'network' },
  { type: 'fire', id: 12 },
  { type: 'crash', node: 2 },
  { type: 'restart', node: 2 },
  { type: 'partition', groups: [[0, 1], [2]] },
  { type: 'heal' },
  { type: 'network', options: { lossPercent: 5, duplicationPercent: 0 } },
  { type: 'network', options: { duplicationPercent: 10 } },
];

const example: SharedFrame = {
  protocol: 'two-phase-commit',
  variant: 'no-decision-log',
  config: { participants: 3, presumeAbort: true, policy: 'lru cache' },
  seed: 42,
  step: 4,
  choices: every,
};

describe('share links', () => {
  it('write every kind of choice compactly, in characters a URL hash keeps', () => {
    const text = encodeFrame(example);
    expect(text).toBe(
      '1.two-phase-commit.no-decision-log.42.4.participants=3,policy:lru~20cache,presumeAbort=t.' +
        'o0:begin~20tx~5f1_d3x2l-1u3U1f4c2r2p0,1_2hn5,0n,10.' +
        checkCode(text.slice(0, text.lastIndexOf('.'))),
    );
    expect(text).toMatch(/^[A-Za-z0-9._~,:=-]+$/);
    expect(decodeFrame(text)).toEqual({ ok: true, frame: example });
  });

  it('read back exactly what was written, for any valid frame', () => {
    fc.assert(
      fc.property(frameArbitrary, (frame) => {
        expect(decodeFrame(encodeFrame(frame))).toEqual({ ok: true, frame });
      }),
      { numRuns: 1000 },
    );
  });

  it('survive being percent-escaped by another app, and a leading # or spaces', () => {
    const text = encodeFrame(example);
    expect(decodeFrame(encodeURIComponent(text))).toEqual({ ok: true, frame: example });
    expect(decodeFrame(`#${text}`)).toEqual({ ok: true, frame: example });
    expect(decodeFrame(` ${text}\n`)).toEqual({ ok: true, frame: example });
  });

  it('a 200-step auto-played run fits in about three characters a step', () => {
    const choices: Choice[] = [];
    let world: World = createWorld(gossipSystem(7, { network: { lossPercent: 10, duplicationPercent: 5 } }), 42);
    for (const node of [0, 1, 3, 4, 5, 6]) {
      for (const choice of [{ type: 'client', node, op: 'tell' } as Choice, ...Array<null>(30).fill(null)]) {
        const made = choice ?? next(world);
        if (made === null || choices.length === 200) break;
        world = apply(world, made);
        choices.push(made);
      }
    }
    while (choices.length < 200) {
      const made = next(world)!;
      world = apply(world, made);
      choices.push(made);
    }
    const text = encodeFrame({ protocol: 'two-phase-commit', variant: 'correct', config: { participants: 3 }, seed: 42, step: 200, choices });
    expect(text.length).toBeLessThan(700);
  });
});

describe('reading a bad link', () => {
  const good = encodeFrame(example);
  const body = good.slice(0, good.lastIndexOf('.'));
  const cases: [string, string, string | RegExp][] = [
    ['empty text', '', 'the link carries no run'],
    ['a newer format version', sealed(body.replace(/^1/, '2')), 'the link is in format version 2, and this version of Fault Lines reads version 1'],
    ['text that is not a link', 'hello there', 'the link is not a Fault Lines run (one starts with "1.")'],
    ['a link cut short', good.slice(0, 40), 'the link is cut short: some of its parts are missing'],
    ['a link cut inside its last part', good.slice(0, -2), 'the link was cut short or changed: its check code does not match'],
    ['a link changed by hand', good.replace('d3', 'd4'), 'the link was cut short or changed: its check code does not match'],
    ['a link with extra parts', sealed(`${body}.x`), 'the link has more parts than a run has'],
    ['an unknown choice letter', sealed(body.replace('d3x2', 'q3x2')), 'choice 2 starts with "q", which is not a kind of choice'],
    ['an id that is not a whole number', sealed(body.replace('d3x2', 'dx2')), 'choice 2 ("d") must be a whole number, not ""'],
    ['an id that comes out negative', sealed(body.replace('d3x2', 'd-3x2')), 'choice 2 ("d") names id -3; ids are never negative'],
    ['a negative node', sealed(body.replace('c2', 'c-2')), 'choice 8 ("c") names node -2; nodes are numbered from 0'],
    ['a negative node in a partition', sealed(body.replace('p0,1_2', 'p0,-1_2')), 'choice 10 ("p") names node -1; nodes are numbered from 0'],
    ['an empty partition group', sealed(body.replace('p0,1_2', 'p0,1__2')), 'choice 10 ("p") has an empty partition group'],
    ['an id too large to be exact', sealed(body.replace('d3x2', 'd12345678901234567x2')), 'choice 2 ("d") is too large'],
    [
      'ids that add up past the largest exact number',
      sealed(body.replace('d3x2', 'd9007199254740991x9007199254740991')),
      'choice 3 ("x") names id 18014398509481982, past the largest id a link can carry (9007199254740991)',
    ],
    ['a control character, shown as an escape', sealed(body.replace('d3x2', '\u001b]0;x\u0007')), 'choice 2 starts with "\\x1b", which is not a kind of choice'],
    ['a loss above 100%', sealed(body.replace('n5,0', 'n500,0')), 'the loss in choice 12 ("n") must be 0 to 100, not 500'],
    ['a client operation without its end', sealed(body.replace(/o0:begin~20tx~5f1_.*$/, 'o0:begin')), 'choice 1 ("o") is cut short: its operation has no closing "_"'],
    ['a broken escape', sealed(body.replace('~20cache', '~2zcache')), 'config "policy" has a broken ~ escape'],
    ['a step past the end', sealed(body.replace('.42.4.', '.42.14.')), 'the step 14 is outside the run, which has 13 choices'],
    ['a seed too large', sealed(body.replace('.42.4.', '.4294967296.4.')), 'the seed must be from 0 to 4294967295'],
    ['a protocol id in capitals', sealed(body.replace('two-phase-commit', 'Two-Phase')), 'the protocol id "Two-Phase" must be lowercase letters, digits and "-"'],
    ['a config number that is not whole', sealed(body.replace('participants=3', 'participants=3e2')), 'config "participants" must be a whole number, t or f, not "3e2"'],
    ['a config entry without a value', sealed(body.replace('participants=3', 'participants')), /config entry "participants" needs a name/],
    ['a config option named twice', sealed(body.replace('participants=3', 'policy=3')), 'the config names one option twice'],
    ['an empty variant', sealed(body.replace('no-decision-log', '')), 'the variant must be named'],
    ['a broken percent escape', `${good}%E0%A4%A`, 'the link contains a broken %-escape'],
  ];
  for (const [name, text, reason] of cases)
    it(`refuses ${name}, saying why`, () => {
      expect(reasonOf(text)).toEqual(typeof reason === 'string' ? reason : expect.stringMatching(reason));
    });

  it('refuses more than 100,000 choices', () => {
    expect(reasonOf(sealed(`1.p.v.1.0..${'h'.repeat(100_001)}`))).toBe('the run has more than 100000 choices');
    expect(decodeFrame(sealed(`1.p.v.1.0..${'h'.repeat(100_000)}`)).ok).toBe(true);
  });

  it('quotes at most sixty characters of what it refuses, however long the text', () => {
    const reason = reasonOf(sealed(body.replace('participants=3', `${'p'.repeat(900_000)}=3e2`)));
    expect(reason).toBe(`config "${'p'.repeat(60)}…" (900,000 characters) must be a whole number, t or f, not "3e2"`);
  });

  it('refuses text longer than 1 MB before reading it', () => {
    expect(reasonOf('1'.repeat(MAX_FRAME_CHARS + 1))).toBe('the link is longer than 1000000 characters');
  });

  it('never throws, whatever the text', () => {
    const linkish = fc.string({ unit: fc.constantFrom(...'1.-_~,:=%#dxluUfcrphon0123456789aZ'.split('')), maxLength: 80 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), linkish), (text) => {
        const result = decodeFrame(text);
        expect(typeof result.ok).toBe('boolean');
        expect(typeof decodeFrame(sealed(`1.${text}`)).ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on a real link mangled at one place, and says why when it refuses', () => {
    const mangle = fc.record({ at: fc.nat(), char: fc.constantFrom(...'.-_~,:=dxq0159-'.split('')), cut: fc.boolean() });
    fc.assert(
      fc.property(frameArbitrary, mangle, (frame, { at, char, cut }) => {
        const text = encodeFrame(frame);
        const body = text.slice(0, text.lastIndexOf('.'));
        const i = at % (body.length + 1);
        const changed = cut ? body.slice(0, i) : body.slice(0, i) + char + body.slice(i + 1);
        for (const candidate of [sealed(changed), changed]) {
          const result = decodeFrame(candidate);
          if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
          else expect(decodeFrame(encodeFrame(result.frame))).toEqual(result);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('writing a link', () => {
  it('refuses a frame that could not be read back, naming the problem', () => {
    expect(() => encodeFrame({ ...example, protocol: 'Two PC' })).toThrow('the protocol id "Two PC" must be lowercase');
    expect(() => encodeFrame({ ...example, step: 14 })).toThrow('the step must be a whole number from 0 to 13');
    expect(() => encodeFrame({ ...example, seed: -1 })).toThrow('the seed must be a whole number');
    expect(() => encodeFrame({ ...example, config: { n: 1.5 } })).toThrow('config "n" must be a whole number, true, false or text');
    expect(() => encodeFrame({ ...example, choices: [{ type: 'deliver', id: -1 }], step: 0 })).toThrow('choice 1: a deliver names id -1');
    expect(() => encodeFrame({ ...example, choices: [{ type: 'partition', groups: [[]] }], step: 0 })).toThrow('a partition group must name at least one node');
    expect(() => encodeFrame({ ...example, choices: [{ type: 'network', options: { lossPercent: 101 } }], step: 0 })).toThrow(
      'lossPercent must be a whole percentage',
    );
  });
});

const id = fc.oneof(fc.nat({ max: 2000 }), fc.maxSafeNat());
const node = fc.nat({ max: 40 });
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }));
const percent = fc.integer({ min: 0, max: 100 });
const cause = { cause: fc.constant('network' as const) };

const choiceArbitrary: fc.Arbitrary<Choice> = fc.oneof(
  fc.record({ type: fc.constantFrom('deliver' as const, 'fire' as const), id }),
  fc.record({ type: fc.constantFrom('drop' as const, 'duplicate' as const), id, ...cause }, { requiredKeys: ['type', 'id'] }),
  fc.record({ type: fc.constantFrom('crash' as const, 'restart' as const), node }),
  fc.record({ type: fc.constant('partition' as const), groups: fc.array(fc.array(node, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }) }),
  fc.constant({ type: 'heal' as const }),
  fc.record({ type: fc.constant('client' as const), node, op: text }),
  fc.record({
    type: fc.constant('network' as const),
    options: fc.record({ lossPercent: percent, duplicationPercent: percent }, { requiredKeys: [] }),
  }),
);

const frameArbitrary: fc.Arbitrary<SharedFrame> = fc
  .record({
    protocol: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
    variant: fc.string({ unit: 'binary', minLength: 1 }),
    config: fc.dictionary(fc.string({ unit: 'binary', minLength: 1 }), fc.oneof(fc.maxSafeInteger(), fc.boolean(), text)),
    seed: fc.bigInt({ min: 0n, max: 0xffffffffn }).map(Number),
    choices: fc.array(choiceArbitrary, { maxLength: 40 }),
  })
  .chain((run) => fc.nat({ max: run.choices.length }).map((step) => ({ ...run, step })));
