// The words shown beside the simulator: what two-phase commit does and what it teaches.
import type { Explainer } from '../kit';

export const explainer: Explainer = {
  intro: [
    'Two-phase commit lets several machines (participants) commit one transaction together, or not at all. A coordinator runs it in two phases.',
    'Phase one, prepare: the coordinator writes "started" to its log and asks every participant to PREPARE. A participant that can commit writes its YES vote to its log and answers YES; from then on it is prepared, or in doubt: it has promised to commit if asked, so it may no longer abort on its own. A participant that cannot commit answers NO and aborts at once.',
    'Phase two, decide: if every vote is YES the coordinator decides COMMIT; on any NO, or if a vote does not arrive before its vote timeout, it decides ABORT. It writes the decision to its log first, then sends it. Each participant applies the decision, logs its outcome and acknowledges; the coordinator resends until every participant has acknowledged.',
    'Only the log survives a crash. A restarted coordinator resends a logged decision, and aborts a started transaction with no decision on record (presumed abort): no participant can have heard COMMIT yet. A restarted participant keeps a logged outcome, asks the coordinator again if it finds its YES vote, and aborts if it never voted.',
  ],
  lesson: [
    'The price of atomicity is blocking. A participant that voted YES cannot decide alone, so while the coordinator is down or cut off by a partition it stays in doubt, holding its locks, and keeps asking. Crash the coordinator after PREPARE to see it: the participants are blocked until the coordinator returns.',
    'Each broken variant removes one piece that makes the waiting necessary, and the checker finds a run where one participant commits while another aborts. No decision log: the coordinator sends COMMIT before logging it, crashes, and after restarting presumes ABORT. Forgetful participant: a participant votes YES without logging it, crashes, and after restarting aborts because it remembers no promise. Impatient participant: a prepared participant that hears nothing aborts on a timeout, although the coordinator may have decided COMMIT.',
  ],
};
