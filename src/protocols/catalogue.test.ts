import { describe, expect, it } from 'vitest';
import { catalogue, loadProtocol } from './catalogue';
import { protocols } from './registry';

describe('the protocol catalogue', () => {
  it('loads each live protocol under its own id', async () => {
    for (const entry of catalogue.filter((e) => e.load !== undefined)) expect((await loadProtocol(entry.id))?.id).toBe(entry.id);
  });

  it('gives the registry exactly its live protocols, in its order', () => {
    expect(protocols.map((p) => p.id)).toEqual(catalogue.filter((e) => e.load !== undefined).map((e) => e.id));
  });

  it('gives nothing for an unknown id or one that names an object property', async () => {
    for (const id of ['nope', 'constructor', '__proto__', 'toString', '']) expect(await loadProtocol(id)).toBeUndefined();
  });
});
