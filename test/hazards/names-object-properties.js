// Name inference for object literal properties, methods, accessors, and non-naming positions.
const key = 'dyn';
const s = Symbol('sym');
const o = {
  a: function () {},
  b: () => {},
  c: class {},
  [key]: () => {},
  [key + 2]: function () {},
  [s]: () => {},
  5: () => {},
  'quoted key': () => {},
  m() {},
  async am() {},
  *gm() {},
  get g() { return 1; },
  set g(v) {},
  __proto__: { inherited: 1 },
};
const desc = Object.getOwnPropertyDescriptor(o, 'g');
console.log(JSON.stringify([o.a.name, o.b.name, o.c.name, o.dyn.name, o.dyn2.name, o[s].name, o[5].name,
  o['quoted key'].name, o.m.name, o.am.name, o.gm.name, desc.get.name, desc.set.name, o.inherited]));
const target = {};
target.p = function () {};
target['q'] = () => {};
console.log(JSON.stringify([target.p.name, target.q.name]));
const { x = function () {} } = { x: undefined };
console.log(x.name);
const proto = { __proto__: function () {} };
console.log(typeof Object.getPrototypeOf(proto), Object.getPrototypeOf(proto).name);
