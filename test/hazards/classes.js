// Class semantics: private members, static blocks, brand checks, field order, accessors, super().
const order = [];
const key = (k) => { order.push('key ' + k); return k; };
class Base {
  constructor() { order.push('base ctor'); this.fromBase = this.constructor.name; }
}
class A extends Base {
  [key('x')] = (order.push('field x'), 1);
  #secret = (order.push('field #secret'), 's');
  static [key('sx')] = (order.push('static field'), 2);
  static { order.push('static block'); A.blockRan = true; }
  static #count = 0;
  #priv() { return this.#secret + A.#count; }
  get #acc() { return 'acc'; }
  constructor(v) {
    order.push('before super');
    if (v) { super(); } else { super(); order.push('else branch'); }
    order.push('after super');
    A.#count++;
  }
  has(o) { return #secret in o; }
  read() { return [this.#priv(), this.#acc, this.x]; }
  static get count() { return A.#count; }
  accessor = 'plain field named accessor';
}
const a = new A(true);
new A(false);
console.log(order.join(' | '));
console.log(a.read().join(), a.has(a), a.has({}), A.count, A.sx, A.blockRan, a.fromBase, a.accessor);
try { A.prototype.read.call({}); } catch (e) { console.log(e.constructor.name); }
class NoSuper extends Base { constructor() { return { replaced: true }; } }
console.log(JSON.stringify(new NoSuper()));
class Bad extends Base { constructor() { if (Math.random() > 2) super(); } }
try { new Bad(); } catch (e) { console.log(e.constructor.name); }
const Mixin = (S) => class extends S { mixed() { return 'mixed ' + super.constructor.name; } };
console.log(new (Mixin(Base))().mixed(), Mixin(Base).name);
console.log(typeof A, Object.getOwnPropertyNames(A.prototype).join(), Object.getOwnPropertyNames(a).join());
