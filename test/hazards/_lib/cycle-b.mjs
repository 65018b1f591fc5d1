import { hoisted, lateLet, arrow } from './cycle-a.mjs';
export const callA = hoisted();
let tdz;
try { tdz = lateLet; } catch (e) { tdz = e.constructor.name; }
let tdzArrow;
try { tdzArrow = arrow(); } catch (e) { tdzArrow = e.constructor.name; }
export const fromB = `b saw: ${callA}, ${tdz}, ${tdzArrow}`;
