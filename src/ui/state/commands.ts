// What each keyboard command does to a simulator root. Buttons call the same methods directly;
// this table is only the keyboard's path to them.
import type { SimulatorContext } from './context';
import { copyFrameLink } from './copy-link';
import type { Command } from './shortcuts';

export function runCommand(command: Command, controller: SimulatorContext): void {
  const { simulation, player, display } = controller;
  switch (command) {
    case 'toggle-play':
      return player.toggle();
    case 'step':
      return player.step();
    case 'step-back':
      return player.stepBack();
    case 'first':
      return player.scrub(0);
    case 'last':
      return player.scrub(simulation.end);
    case 'faster':
      return player.faster();
    case 'slower':
      return player.slower();
    case 'reset':
      player.pause();
      return simulation.reset();
    case 'help':
      display.helpOpen = !display.helpOpen;
      return;
    case 'close':
      if (display.helpOpen) display.helpOpen = false;
      else simulation.dismissNotice();
      return;
    case 'next-node':
    case 'previous-node': {
      const count = simulation.world.nodes.length;
      const by = command === 'next-node' ? 1 : count - 1;
      const from = simulation.selected ?? (command === 'next-node' ? -1 : 0);
      return simulation.select((from + by) % count);
    }
    case 'crash-or-restart': {
      const node = simulation.selected;
      if (node === null) {
        simulation.notice = { tone: 'info', text: 'Select a node first (n and p move between nodes).' };
        return;
      }
      controller.act({ type: simulation.world.nodes[node]?.up === false ? 'restart' : 'crash', node });
      return;
    }
    case 'blank':
      display.blanked = !display.blanked;
      return;
    case 'copy-link':
      void copyFrameLink(controller).then((copied) => {
        simulation.notice = { tone: 'info', text: copied ? 'Link copied: it opens this exact frame.' : 'Copy the link from the Share panel.' };
      });
      return;
  }
}
