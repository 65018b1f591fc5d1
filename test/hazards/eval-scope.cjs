// Direct eval sees the local scope, indirect eval and new Function see the global one.
var topVar = 'top';
function f(a) {
  var local = 'local-' + a;
  const direct = eval('local + ":" + topVar + ":" + typeof arguments + ":" + arguments.length');
  const indirect = (0, eval)('typeof local');
  const fn = new Function('x', 'return typeof local + ":" + typeof x + ":" + (typeof module)');
  eval('var introduced = "intro"');
  return [direct, indirect, fn(1), introduced];
}
console.log(JSON.stringify(f('A')));
function strictEval() { 'use strict'; eval('var hidden = 1'); return typeof hidden; }
console.log(strictEval());
const arrowEval = () => eval('this === module.exports');
console.log(arrowEval());
const g = new Function('a', 'b', 'if (a) { return a + b; } return -1;');
console.log(g(1, 2), g(0, 2), g.name, g.length);
const AsyncFunction = (async () => {}).constructor;
new AsyncFunction('return 1')().then((v) => console.log('async fn', v));
function evalDeclares() { eval('function fromEval() { return "fe"; }'); return fromEval(); }
console.log(evalDeclares());
class C { #p = 7; read() { return eval('this.#p'); } }
console.log(new C().read());
console.log(eval('let scoped = 1; scoped + 1'), typeof scoped);
const names = [];
function outer() { const shadow = 'outer'; return eval('(function () { return shadow; })')(); }
names.push(outer());
console.log(names.join());
