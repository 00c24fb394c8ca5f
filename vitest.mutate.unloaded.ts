// A test file that fails to load, or throws while its tests are collected, holds no test; the
// StrykerJS Vitest runner (9.6) builds a mutant's verdict from tests only, so it scored such a
// mutant "survived" although plain `vitest run` fails on it (stryker-js issue #6150). This
// reporter, used only by `npm run mutate`, gives each such file one failed test carrying its
// load error, so the mutant counts as killed.
import type { Reporter } from 'vitest/reporters';

type Vitest = Parameters<NonNullable<Reporter['onInit']>>[0];
type Task = ReturnType<Vitest['state']['getFiles']>[number]['tasks'][number];

const hasTest = (tasks: readonly Task[]): boolean => tasks.some((t) => t.type === 'test' || (t.type === 'suite' && hasTest(t.tasks)));

export function unloadedFileAsFailedTest(): Reporter {
  let vitest: Vitest | null = null;
  return {
    onInit(ctx) {
      vitest = ctx;
    },
    onTestRunEnd() {
      for (const file of vitest?.state.getFiles() ?? []) {
        if (file.result?.state !== 'fail' || hasTest(file.tasks)) continue;
        const errors = file.result.errors ?? [{ message: 'the test file failed to load', name: 'Error' }];
        // Only the fields the mutation runner reads; vitest itself never sees this task again.
        const loads = { type: 'test', name: 'loads', mode: 'run', id: `${file.id}_loads`, file, suite: file, result: { state: 'fail', errors } };
        file.tasks.push(loads as unknown as Task);
      }
    },
  };
}
