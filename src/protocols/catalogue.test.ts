import { describe, expect, it } from 'vitest';
import { catalogue, loadProtocol } from './catalogue';
import { protocols } from './registry';

describe('the protocol catalogue', () => {
  it('loads each live protocol under its own id, with the title and summary the gallery shows', async () => {
    for (const entry of catalogue.filter((e) => e.load !== undefined)) {
      const protocol = await loadProtocol(entry.id);
      expect(protocol?.id).toBe(entry.id);
      expect(protocol?.title).toBe(entry.title);
      expect(protocol?.summary).toBe(entry.summary);
    }
  });

  it('gives the registry exactly its live protocols, in its order', () => {
    expect(protocols.map((p) => p.id)).toEqual(catalogue.filter((e) => e.load !== undefined).map((e) => e.id));
  });

  it('gives nothing for an unknown id, a coming protocol, or one that names an object property', async () => {
    for (const id of ['nope', 'constructor', '__proto__', 'toString', '', 'kafka-consumer-offsets']) expect(await loadProtocol(id)).toBeUndefined();
  });
});
