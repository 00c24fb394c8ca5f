// A storage node's log holds its replicas and hints as the text a person reads in the event log
// ("x = a1 (1,C1.1)", "hint x for S2 = b1 [C2:1]"), and reads them back on a restart. The text
// carries every part of a version, including the version vector a timestamped write keeps.
import type { Persisted } from '../../engine';
import { keyNames } from './config';
import type { Hint } from './storage-context';
import { stampText, type Version, type VersionVector } from './versions';

/** A version with everything it carries: "a1 [C1:1]", "a1 (2,C1.2)", "b1 @57 S2 [C2:1]". */
function versionLog(v: Version): string {
  const vv = v.ts !== undefined && v.vv !== undefined ? ` ${stampText({ vv: v.vv })}` : '';
  return `${v.value} ${stampText(v)}${vv}`;
}

export const versionsLog = (vs: readonly Version[]) => (vs.length === 0 ? 'nothing' : vs.map(versionLog).join(' | '));

function parseVector(text: string | undefined): VersionVector | null {
  if (text === undefined) return null;
  const out: Record<string, number> = {};
  for (const part of text.split(' ').filter((p) => p !== '')) {
    const [client, count] = part.split(':');
    if (client === undefined || !/^\d+$/.test(count ?? '')) return null;
    out[client] = Number(count);
  }
  return out;
}

const versionPattern = /^(\S+) (?:\((\d+),(\S+)\)|@(-?\d+) (\S+)(?: \[([^\]]*)\])?|\[([^\]]*)\])$/;

function parseVersion(text: string): Version | null {
  const m = versionPattern.exec(text.trim());
  if (m === null) return null;
  const [, value, tag, client, ts, node, lwwVector, vector] = m;
  if (tag !== undefined) return { value: value!, tag: Number(tag), by: client! };
  if (ts !== undefined) {
    const vv = parseVector(lwwVector);
    return { value: value!, ...(vv === null ? {} : { vv }), ts: Number(ts), by: node! };
  }
  const vv = parseVector(vector);
  return vv === null ? null : { value: value!, vv };
}

/** The versions back from their text; anything unreadable counts as nothing. */
export function parseVersions(text: unknown): Version[] {
  if (typeof text !== 'string' || text === 'nothing') return [];
  const out: Version[] = [];
  for (const part of text.split(' | ')) {
    const version = parseVersion(part);
    if (version !== null) out.push(version);
  }
  return out;
}

export const hintLogKey = (key: string, home: string) => `hint ${key} for ${home}`;

/** The replicas and hints a log holds. */
export const takenLogKey = (client: string) => `last request from ${client}`;

/** The replicas, hints and newest request per client that a log holds. */
export function readLog(log: Persisted | null): { data: { [key: string]: Version[] }; hints: Hint[]; taken: { [client: string]: number } } {
  const data: { [key: string]: Version[] } = {};
  const hints: Hint[] = [];
  const taken: { [client: string]: number } = {};
  for (const [name, text] of Object.entries(log ?? {})) {
    const request = /^last request from (\S+)$/.exec(name);
    if (request !== null && typeof text === 'string') {
      const number = Number(text.split('.')[1]);
      if (Number.isInteger(number)) taken[request[1]!] = number;
      continue;
    }
    const hint = /^hint (\S+) for (\S+)$/.exec(name);
    const versions = parseVersions(text);
    if (hint !== null && versions.length > 0) hints.push({ key: hint[1]!, for: hint[2]!, versions });
    else if ((keyNames as readonly string[]).includes(name) && versions.length > 0) data[name] = versions;
  }
  return { data, hints: hints.sort((a, b) => (a.key + a.for < b.key + b.for ? -1 : 1)), taken };
}
