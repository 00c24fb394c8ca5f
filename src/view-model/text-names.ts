// The names and words the views' text needs from a protocol, in one place: node names, the
// protocol's words for a message, and its narration of any event (told in detail).
import type { World } from '../engine';
import type { Protocol } from '../protocols/kit/types';
import type { TextNames } from './event-text';
import type { TimelineNames } from './timeline-types';

export function textNames(protocol: Protocol, world: World): TimelineNames & TextNames {
  return {
    nodes: world.system.nodes.map((n) => ({ name: n.name, role: n.role })),
    describeMessage: (body) => protocol.describeMessage(body),
    narrate: (event) => protocol.narrate(world, event, true),
  };
}
