// Name inference for class fields, static fields, private fields, computed and symbol keys.
const sym = Symbol('described');
const anon = Symbol();
class K {
  field = () => {};
  fn = function () {};
  static sField = class {};
  #priv = () => {};
  ['comp' + 'uted'] = () => {};
  [sym] = function () {};
  [anon] = () => {};
  42 = () => {};
  'str key' = () => {};
  static #sp = function () {};
  method() {}
  get acc() { return 1; }
  static { K.staticBlockName = (() => {}).name; }
  privName() { return [this.#priv.name, K.#sp.name]; }
}
const k = new K();
console.log(JSON.stringify([k.field.name, k.fn.name, K.sField.name, k.computed.name, k[sym].name, k[anon].name,
  k[42].name, k['str key'].name, k.method.name, Object.getOwnPropertyDescriptor(K.prototype, 'acc').get.name,
  K.staticBlockName, ...k.privName()]));
const Expr = class {};
const NamedExpr = class Inner { static who() { return Inner.name; } };
console.log(Expr.name, NamedExpr.name, NamedExpr.who());
