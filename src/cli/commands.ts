// The commands that read: list, and run. Each returns its exit code: 0 fine, 2 bad input
// (check, in check.ts, also returns 1 when it finds a violation).
import { openLink, openRun, replayOpened, type OpenedRun } from '../protocols/open-run';
import { protocols } from '../protocols/registry';
import type { Parsed } from './args';
import { choiceCount, narratedSteps, ruleSummary } from './narration';
import { readTarget } from './target';
import type { Io } from './terminal';
import { UsageError } from './usage-error';

const print = (io: Io, lines: readonly string[]) => io.out.write(`${lines.join('\n')}\n`);

export function list(io: Io): number {
  for (const p of protocols) {
    print(io, [`${p.id} — ${p.title}`, `  ${p.summary}`, '  variants:']);
    print(io, p.variants.map((v) => `    ${v.id.padEnd(24)} ${v.explanation}`));
    print(io, ['  scenarios:', ...p.scenarios.map((s) => `    ${p.id}/${s.id.padEnd(36)} ${s.title}`), '']);
  }
  return 0;
}

function openTarget(target: string): { opened: OpenedRun; captions: Map<number, string> } {
  const read = readTarget(target);
  if (read.kind === 'problem') return { opened: { ok: false, reason: read.reason }, captions: new Map() };
  if (read.kind === 'link') return { opened: openLink(read.text), captions: new Map() };
  const compiled = read.protocol.compileScenario(read.scenario);
  return { opened: openRun(compiled.run), captions: new Map(compiled.captions.map((c) => [c.step, c.text])) };
}

export function run(io: Io, parsed: Parsed): number {
  const target = parsed.positional[1];
  if (target === undefined) throw new UsageError('run needs a share link, a file holding one, or <protocol>/<scenario>');
  const { opened, captions } = openTarget(target);
  if (!opened.ok) {
    io.err.write(`fault-lines: ${opened.reason}\n`);
    return 2;
  }
  const played = replayOpened(opened);
  if (!played.ok) {
    io.err.write(`fault-lines: ${played.reason}\n`);
    return 2;
  }
  const { protocol, run: spec } = opened;
  print(io, [`${protocol.title}, variant ${spec.variant}, seed ${spec.seed}, ${choiceCount(spec.choices)}`, '']);
  print(io, [...narratedSteps(protocol, played.world, captions), '', ...ruleSummary(played.world)]);
  return 0;
}
