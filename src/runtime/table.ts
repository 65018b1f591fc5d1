/**
 * The block/site table format lives in src/abi/table.ts, so that the instrumenter (which
 * must not load runtime code) and the runtime share one definition. Re-exported here for
 * the runtime's users.
 */
export * from '../abi/table.js';
