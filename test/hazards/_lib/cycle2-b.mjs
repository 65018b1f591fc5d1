import def, { branchy, gen, later, NotHoisted } from './cycle2-a.mjs';
let cls;
try { cls = typeof NotHoisted; } catch (e) { cls = e.constructor.name; }
export const early = [branchy(5), branchy(0), [...gen(3)].join('/'), def(1), def(0), cls, later(1) instanceof Promise].join(' ');
export const pending = later(2);
