import { describe, expect, it } from 'vitest';
import { embedSnippets } from './embed-code';

describe('embed code', () => {
  const link = 'https://example.org/fault-lines/paxos.html?scenario=dueling-proposers#1.paxos.correct.1.4.x.abc';

  it('the script form loads fault-lines.js from the site and names the exact frame', () => {
    const { script } = embedSnippets(link, { protocol: 'paxos', scenario: 'dueling-proposers', title: 'Paxos' });
    expect(script).toBe(
      '<script type="module" src="https://example.org/fault-lines/fault-lines.js"></script>\n' +
        '<fault-lines protocol="paxos" scenario="dueling-proposers" link="1.paxos.correct.1.4.x.abc"></fault-lines>',
    );
  });

  it('the iframe form opens embed.html with the frame and the scenario for its captions', () => {
    const { iframe } = embedSnippets(link, { protocol: 'paxos', scenario: 'dueling-proposers', title: 'Paxos: "dueling" <proposers>' });
    expect(iframe).toContain('src="https://example.org/fault-lines/embed.html#1.paxos.correct.1.4.x.abc?scenario=dueling-proposers"');
    expect(iframe).toContain('title="Paxos: &quot;dueling&quot; &lt;proposers&gt; (Fault Lines)"');
  });

  it('a run that is no scenario has no scenario attribute', () => {
    const { script, iframe } = embedSnippets('https://example.org/paxos.html#1.paxos', { protocol: 'paxos', scenario: null, title: 'Paxos' });
    expect(script).not.toContain('scenario=');
    expect(iframe).toContain('embed.html#1.paxos"');
  });
});
