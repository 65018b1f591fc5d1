/** The per-thread runtime: registry, counters, manifest and the hooks instrumented code calls. */
export * from './registry.js';
export * from './manifest.js';
export * from './atomic-file.js';
export * from '../abi/table.js';
