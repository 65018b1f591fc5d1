// `this`, `arguments`, `new.target` and `super` seen from arrows, methods and blocks.
console.log('module this is exports:', this === module.exports);
const arrowThis = () => this === module.exports;
console.log('arrow this:', arrowThis());
function outer(a, b) {
  const viaArrow = () => arguments.length + ':' + arguments[0];
  if (a) {
    return [viaArrow(), (() => new.target === undefined)(), typeof this];
  }
  return (() => new.target)();
}
console.log(JSON.stringify(outer(7, 8)));
console.log(new outer(0) instanceof outer, typeof new outer(0));
class Base { greet() { return 'base'; } static sgreet() { return 'sbase'; } get v() { return 'bv'; } }
class Derived extends Base {
  constructor() {
    const before = () => new.target.name;
    super();
    this.nt = before();
    this.arrowSuper = () => super.greet();
  }
  greet() { const f = () => super.greet() + '+derived'; return f(); }
  static sgreet() { return [1].map(() => super.sgreet())[0]; }
  get v() { return (() => super.v + '!')(); }
}
const d = new Derived();
console.log(d.greet(), Derived.sgreet(), d.v, d.nt, d.arrowSuper());
const objSuper = { __proto__: { hi() { return 'proto hi'; } }, hi() { return (() => super.hi())(); } };
console.log(objSuper.hi());
function mapped(a) { arguments[0] = 'changed'; const g = () => a; return g(); }
console.log(mapped('orig'));
function unmapped(a = 1) { arguments[0] = 'changed'; return a; }
console.log(unmapped('orig'));
function strictUnmapped(a) { 'use strict'; arguments[0] = 'changed'; return a; }
console.log(strictUnmapped('orig'));
function callee() { return arguments.callee === callee; }
console.log(callee());
function whoCalls() { return whoCalls.caller && whoCalls.caller.name; }
function theCaller() { if (true) { return whoCalls(); } }
console.log(theCaller());
const o = { m() { return [this === o, (() => this === o)()]; } };
console.log(JSON.stringify(o.m()), (0, o.m)()[0]);
