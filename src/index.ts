/**
 * kcovjs: kcov for JavaScript and TypeScript.
 *
 * The public API: the kcov ABI constants, the device (`open`, `KcovFile`, `runTask`), the
 * instrumenter and the runtime primitives.
 */
export * from './abi/index.js';
export * from './kcov/index.js';
export { instrument, type InstrumentOptions, type InstrumentResult } from './instrument/index.js';
export {
  getRuntime, installRuntime, Runtime, type CoverageSink, type RuntimeStats, type ModuleHandle,
} from './runtime/index.js';
export { FuzzedDataProvider, type FdpEncoding } from './fuzz/fdp.js';
