import { describe, expect, it } from 'vitest';
import { createHistory, worldAt } from '../../engine';
import { protocols } from '../../protocols/registry';
import { pictureView } from './picture-data';
import { recordPicture } from './record';

describe('a recorded picture', () => {
  for (const protocol of protocols)
    for (const scenario of protocol.scenarios)
      it(`answers the views as the live ${protocol.id} does, for ${scenario.id}`, () => {
        const data = JSON.parse(JSON.stringify(recordPicture(protocol, scenario.id)));
        const picture = pictureView(data);
        const { run } = protocol.compileScenario(scenario);
        const checked = protocol.validate(run.config);
        if (!checked.ok) throw new Error(checked.problems.join('; '));
        const start = worldAt(createHistory(protocol.build(checked.config, run.variant), run.seed, []), 0);
        expect(picture.world.nodes.length).toBe(start.nodes.length);
        picture.world.nodes.forEach((_, node) => expect(picture.protocol.describe(picture.world, node)).toEqual(protocol.describe(start, node)));
        expect(picture.world.system.nodes.map((n) => n.name)).toEqual(start.system.nodes.map((n) => n.name));
        for (const event of picture.events) {
          if (event.step === 0) expect(picture.protocol.narrate(picture.world, event, true)).toBe(protocol.narrate(start, event, true));
          if ('envelope' in event) expect(picture.protocol.describeMessage(event.envelope.body)).toBe(protocol.describeMessage(event.envelope.body));
        }
        expect(data.end).toBe(run.choices.length);
      });
});
