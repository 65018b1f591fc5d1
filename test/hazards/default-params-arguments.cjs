// Default parameters next to user bindings named `arguments`, arrows (which have no
// arguments of their own), and functions whose body declares `arguments` lexically.
function outer() { return ((a = 5, b = a + 1) => [a, b])(); }
console.log(JSON.stringify(outer(1, 2)), JSON.stringify(outer()));
function paramNamedArguments(a = 1, arguments) { return [a, typeof arguments, arguments]; }
console.log(JSON.stringify(paramNamedArguments(undefined, 'user')));
function letArguments(a = 1) { let arguments = ['shadow']; return [a, arguments[0]]; }
try { console.log(JSON.stringify(letArguments())); } catch (e) { console.log('letArguments', e.constructor.name); }
function fnArguments(a = 1) { function arguments() { return 'fn'; } return [a, typeof arguments]; }
console.log(JSON.stringify(fnArguments(2)));
function varArguments(a = 1) { var arguments = 'var'; return [a, arguments]; }
console.log(JSON.stringify(varArguments()));
function mapped(a, b = 2) { arguments[0] = 'changed'; return [a, b, arguments.length]; }
console.log(JSON.stringify(mapped('orig')));
class Base { constructor(x) { this.x = x; } }
class Derived extends Base { constructor(a = 7, b = () => this.x) { super(a); this.b = b(); } }
console.log(JSON.stringify(new Derived()), JSON.stringify(new Derived(3)));
const gen = function* (a = 1, ...rest) { yield a; yield rest.length; };
console.log([...gen()].join(), [...gen(4, 5, 6)].join());
const asyncArrow = async (x = await0()) => x;
function await0() { return 'zero'; }
asyncArrow().then((v) => console.log('async default', v));
function lengthOf(a, b = 1, c) { return arguments.length; }
console.log(lengthOf.length, lengthOf(), lengthOf(undefined), lengthOf(1, 2, 3));
const obj = { method(a = this) { return a === obj; } };
console.log(obj.method(), (0, obj.method)() === false);
