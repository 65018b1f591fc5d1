// Logical assignments: setters are called only when needed, on plain, private and super targets.
const log = [];
const o = {
  _v: 0,
  get v() { log.push('get'); return this._v; },
  set v(x) { log.push('set ' + x); this._v = x; },
};
o.v ||= 1; o.v ||= 2; o.v &&= 3; o.v ??= 4;
o.w ??= 'w'; o.w ??= 'w2';
console.log(log.join(','), o._v, o.w);
let a = null, b = 0, c = 'c';
a ??= (log.push('rhs-a'), 'A'); b ||= (log.push('rhs-b'), 'B'); c &&= (log.push('rhs-c'), 'C'); c ??= (log.push('never'), 'X');
console.log(a, b, c, log.slice(-3).join());
class K { #p = 0; bump() { this.#p ||= 5; this.#p &&= this.#p + 1; return this.#p; } }
console.log(new K().bump());
class Base { get s() { return this._s; } set s(x) { log.push('super set'); this._s = x; } }
class D extends Base { go() { super.s ??= 'init'; super.s ??= 'again'; return this._s; } }
console.log(new D().go(), log.at(-1));
const frozen = Object.freeze({ x: 1 });
try { (() => { 'use strict'; frozen.x ||= 2; frozen.x &&= 3; })(); } catch (e) { console.log(e.constructor.name); }
const arr = [0, 1];
let idx = 0;
arr[idx++] ||= 9;
arr[idx++] ||= 9;
console.log(arr.join(), idx);
