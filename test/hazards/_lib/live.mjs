export let count = 0;
export function inc() { count++; if (count > 1) { count += 10; } }
export { count as aliased };
export * as self from './live.mjs';
const hidden = 'hidden default';
export { hidden as default };
export const { destructA, nested: { destructB } } = { destructA: 'dA', nested: { destructB: 'dB' } };
