// The order `npm run mutate` runs a protocol's test files in: the model checker's tests last.
// Stryker runs them one after another and stops at the first failure, and Vitest's own order puts
// the slowest file first, so a mutant that a scenario's narration kills in milliseconds used to
// wait for a seconds-long search before it. Survivors still run every file.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const last = (spec: TestSpecification) => (spec.moduleId.endsWith('/check.test.ts') ? 1 : 0);

export class CheckerLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => last(a) - last(b) || a.moduleId.localeCompare(b.moduleId));
  }
}
