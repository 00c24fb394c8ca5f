// Everything the Share panel's "Save the run" needs, as one chunk loaded on first use.
export { readRunFile, runFile } from './run-file';
export { shivizLog } from './shiviz';
export { snapshotPng, snapshotSvg } from './snapshot-svg';
