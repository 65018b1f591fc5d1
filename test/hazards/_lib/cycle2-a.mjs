import { early } from './cycle2-b.mjs';
export function branchy(n) { let s = 0; for (let i = 0; i < n; i++) { if (i % 2) s += i; else s -= 1; } return s; }
export function* gen(n) { while (n-- > 0) yield n % 2 ? 'odd' : 'even'; }
export async function later(x) { if (x) { await null; return 'async ' + x; } return 'none'; }
export default function (x) { return x ? 'default fn' : 'no'; }
export class NotHoisted {}
export const report = () => early;
