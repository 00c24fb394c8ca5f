// The one script a page needs: `<script type="module" src="…/fault-lines.js"></script>`, then any
// number of `<fault-lines protocol="paxos" scenario="dueling-proposers"></fault-lines>`. Built as
// dist/fault-lines.js (a stable name next to the site) and exported as `fault-lines/widget`.
import { FaultLinesElement } from './fault-lines-element';

export { FaultLinesElement };
export type { StepDetail, ViolationDetail } from './host-events.svelte';

// A page may load the script twice (two embeds pasted into one post): the first definition stays.
if (customElements.get('fault-lines') === undefined) customElements.define('fault-lines', FaultLinesElement);

declare global {
  interface HTMLElementTagNameMap {
    'fault-lines': FaultLinesElement;
  }
}
