import { fromB, callA } from './cycle-b.mjs';
export function hoisted() { return 'hoisted function from a'; }
export let lateLet = 'late let';
export const arrow = () => 'arrow from a';
export const seenByB = callA;
export function report() { return [fromB, lateLet].join(' / '); }
