// What `fault-lines run <target>` names: a protocol's scenario, a file holding a share link, or
// the link itself. Files are read only when they are regular files of a link's size: a directory,
// a pipe or a device is refused with one line before anything is read from it (a pipe would
// block, /dev/zero would never end).
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { MAX_FRAME_CHARS, quoted } from '../engine';
import type { Protocol, Scenario } from '../protocols/kit/types';
import { protocolById, protocols } from '../protocols/registry';
import { splitOnce } from './args';

/** A link file may hold a link of the longest length read, in UTF-8, plus a little around it. */
export const LINK_FILE_BYTES_MAX = MAX_FRAME_CHARS + 4096;

export type Target =
  | { readonly kind: 'scenario'; readonly protocol: Protocol; readonly scenario: Scenario }
  | { readonly kind: 'link'; readonly text: string }
  | { readonly kind: 'problem'; readonly reason: string };

const problem = (reason: string): Target => ({ kind: 'problem', reason });

/** Text that a person meant as a link: it has a `#`, or it starts like one ("1."). */
const looksLikeLink = (text: string) => text.includes('#') || /^\s*\d+\./.test(text);

export function readTarget(target: string): Target {
  const [protocolId, scenarioId] = splitOnce(target, '/');
  const protocol = protocolById(protocolId);
  const exists = isPath(target);
  if (protocol !== undefined && scenarioId !== undefined && !exists) {
    const scenario = protocol.scenarios.find((s) => s.id === scenarioId);
    if (scenario !== undefined) return { kind: 'scenario', protocol, scenario };
    return problem(`${protocol.title} has no scenario ${quoted(scenarioId)} (scenarios: ${protocol.scenarios.map((s) => s.id).join(', ')})`);
  }
  if (exists) return readLinkFile(target);
  if (looksLikeLink(target)) return { kind: 'link', text: target };
  return problem(
    `${quoted(target)} is not a file, a share link or <protocol>/<scenario> (protocols: ${protocols.map((p) => p.id).join(', ')})`,
  );
}

/** Whether something exists at the path (a link is usually too long to be a path at all). */
function isPath(text: string): boolean {
  try {
    return statSync(text, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

function readLinkFile(path: string): Target {
  let fd: number;
  try {
    // Non-blocking, so opening a pipe with no writer returns at once and fstat can refuse it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return problem(`cannot open ${quoted(path)}: ${systemReason(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return problem(`${quoted(path)} is a directory; give a file holding a share link`);
    if (!stat.isFile()) return problem(`${quoted(path)} is not a regular file (a pipe or a device); give a file holding a share link`);
    if (stat.size > LINK_FILE_BYTES_MAX)
      return problem(`${quoted(path)} holds ${stat.size.toLocaleString('en-US')} bytes; a file holding a share link has at most ${LINK_FILE_BYTES_MAX.toLocaleString('en-US')}`);
    // Read at most the cap, whatever the size said: the file may grow while it is read.
    const buffer = Buffer.alloc(LINK_FILE_BYTES_MAX + 1);
    let length = 0;
    while (length < buffer.length) {
      const got = readSync(fd, buffer, length, buffer.length - length, null);
      if (got === 0) break;
      length += got;
    }
    if (length > LINK_FILE_BYTES_MAX) return problem(`${quoted(path)} grew past ${LINK_FILE_BYTES_MAX.toLocaleString('en-US')} bytes while it was read`);
    return { kind: 'link', text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return problem(`cannot read ${quoted(path)}: ${systemReason(error)}`);
  } finally {
    closeSync(fd);
  }
}

function systemReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'there is no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EAGAIN':
      return 'nothing can be read from it now (a pipe?)';
    default:
      return typeof code === 'string' ? `the system says ${code}` : 'the system refused';
  }
}
