// Before each test of a mutation run, every protocol forgets its built systems, so each test runs
// the machines' code itself (see `forgetBuiltSystems`), and Stryker's per-test coverage names
// every test that depends on a line, not only the first one to reach it.
import { beforeEach } from 'vitest';
import { forgetBuiltSystems } from './src/protocols/kit/define-protocol';

beforeEach(() => forgetBuiltSystems());
