// What the pictures and the inspector show for each node: the cache's and the database's keys as
// small tables (value, version, dirty flag, TTL left), and what each application server is doing.
import type { World } from '../../engine';
import { formatRecord, inState, type DescribedNode, type NodeFact, type NodeView } from '../kit';
import type { AppContext } from './app-context';
import { planWords } from './app-plan';
import { ttlTimer, type CacheContext } from './cache-context';
import type { DatabaseContext } from './database';
import { keysOf, type CacheConfig } from './config';
import { versionText } from './messages';
import { stored } from './rules';

const field = (name: string, value: string) => ({ name, value });

function ttlLeft(world: World, node: number, key: string): string {
  const timer = world.timers.find((t) => t.node === node && t.name === ttlTimer(key));
  return timer === undefined ? '—' : `${Math.max(0, timer.dueTick - world.tick)} ticks`;
}

function cacheTable(view: NodeView<CacheContext>, context: CacheContext): NodeFact {
  // Without a TTL every entry would read "—": the column is left out so the table fits a phone.
  const ttl = context.settings.ttlTicks > 0;
  const rows = [...context.entries]
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((e) => {
      const db = stored(view.world, e.key);
      const stale = e.version !== null && e.version < db.version && e.value !== db.value;
      const version = stale ? `${versionText(e.version)} < DB v${db.version}` : versionText(e.version);
      const cells = [e.key, e.value, version, e.dirty ? 'dirty' : 'clean', ...(ttl ? [ttlLeft(view.world, view.id, e.key)] : [])];
      return { cells, tone: stale ? ('bad' as const) : e.dirty ? ('warn' as const) : ('plain' as const) };
    });
  const aside = context.flushing.map((f) => ({ cells: [f.key, f.value, versionText(f.version), 'flushing', ...(ttl ? ['—'] : [])], tone: 'warn' as const }));
  const columns = ['key', 'value', 'version', 'dirty', ...(ttl ? ['TTL left'] : [])];
  return { kind: 'table', name: 'cached', columns, rows: [...rows, ...aside] };
}

function describeCache(view: NodeView<CacheContext>): DescribedNode {
  const log = formatRecord(view.persisted);
  if (view.state === null)
    return {
      status: 'down',
      fields: [field('state', 'down: its memory is gone; only its log survives'), field('log', log)],
      facts: [{ kind: 'value', name: 'log', value: log }],
    };
  const { context } = view.state;
  const dirty = inState(view.state, 'dirty');
  const entries = context.entries.map((e) => `${e.key}=${e.value} ${versionText(e.version)}${e.dirty ? ' dirty' : ''}`);
  const leases = Object.entries(context.leases).map(([key, lease]) => `${key}: ${lease}`);
  const fetching = Object.keys(context.fetches);
  return {
    label: dirty ? 'dirty' : 'clean',
    status: dirty ? 'working' : 'idle',
    fields: [
      field('state', dirty ? 'holds writes the database does not have yet' : 'everything it holds is in the database'),
      field('entries', entries.join(', ') || 'none'),
      field('capacity', context.settings.capacity === 0 ? 'no limit' : `${context.entries.length} of ${context.settings.capacity}`),
      field('leases out', leases.join(', ') || 'none'),
      field('reading from the database', fetching.join(', ') || 'nothing'),
      field('log', log),
    ],
    facts: [cacheTable(view, context)],
  };
}

function describeDatabase(view: NodeView<DatabaseContext>): DescribedNode {
  const log = formatRecord(view.persisted);
  // Its records are on disk: the table stays true while it is down.
  const keys = keysOf(view.world.system.inputs[view.id]!.config as Pick<CacheConfig, 'keys'>);
  const rows = keys.map((key) => {
    const s = stored(view.world, key);
    return { cells: [key, s.value, versionText(s.version)] };
  });
  const facts: NodeFact[] = [{ kind: 'table', name: 'stored', columns: ['key', 'value', 'version'], rows }];
  if (view.state === null) return { status: 'down', fields: [field('state', 'down: its records are safe on disk'), field('records', log)], facts };
  return { label: 'serving', status: 'idle', fields: [field('state', 'serving reads and writes'), field('records', log)], facts };
}

function doing(context: AppContext, state: NonNullable<NodeView<AppContext>['state']>): [string, DescribedNode['status']] {
  const op = context.op;
  if (op === null) return ['waiting for a client', 'idle'];
  if (op.action === 'read') return [inState(state, 'reading.database') ? `read ${op.key}: missed, reading the database` : `read ${op.key}: asking the cache`, 'working'];
  const step = op.plan[op.step];
  return [`write ${op.key}=${op.value}: ${step === undefined ? 'done' : planWords([step])}`, 'working'];
}

function describeApp(view: NodeView<AppContext>): DescribedNode {
  if (view.state === null) return { status: 'down', fields: [field('state', 'down: its operation in progress is abandoned')] };
  const { context } = view.state;
  const [now, status] = doing(context, view.state);
  const facts: NodeFact[] = context.op === null ? [] : [{ kind: 'value', name: 'doing', value: now }];
  return {
    label: context.op === null ? 'idle' : context.op.action === 'read' ? 'reading' : 'writing',
    status,
    fields: [field('state', now), field('strategy', context.strategy), field('operations so far', String(context.ops))],
    facts,
  };
}

export const describe = { app: describeApp, cache: describeCache, database: describeDatabase };
