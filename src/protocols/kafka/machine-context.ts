// XState's pure `transition()` builds a throw-away actor for every call, and that actor computes
// the machine's initial context with no input before the real transition runs. The adapter
// memoises transitions, but Kafka's contexts keep changing (logs grow, positions move), so many
// transitions are new and this hidden start-up ran on every one of them. A context factory made
// here answers that input-less call with the last context it made (the throw-away actor's state
// is discarded anyway) and computes each real input's context once.
import type { MachineInput } from '../kit';

export function contextFactory<C>(make: (input: MachineInput) => C): (args: { input: MachineInput | undefined }) => C {
  const made = new WeakMap<MachineInput, C>();
  let last: C | undefined;
  return ({ input }) => {
    if (input === undefined) {
      if (last === undefined) throw new Error('a machine context needs its input');
      return last;
    }
    let context = made.get(input);
    if (context === undefined) made.set(input, (context = make(input)));
    last = context;
    return context;
  };
}
