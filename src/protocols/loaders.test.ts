import { describe, expect, it } from 'vitest';
import { loadableProtocolIds, loadProtocol } from './loaders';
import { protocols } from './registry';

describe('protocol loaders', () => {
  it('load exactly the protocols of the registry, each under its own id', async () => {
    expect([...loadableProtocolIds].sort()).toEqual(protocols.map((p) => p.id).sort());
    for (const protocol of protocols) expect(await loadProtocol(protocol.id)).toBe(protocol);
  });

  it('give nothing for an unknown id, even one that names an object property', async () => {
    for (const id of ['nope', 'constructor', '__proto__', 'toString', '']) expect(await loadProtocol(id)).toBeUndefined();
  });
});
