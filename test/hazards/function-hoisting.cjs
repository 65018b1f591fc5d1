// Function declaration hoisting at top level, in functions, blocks and switch cases (sloppy).
console.log(typeof top, top());
function top() { return 'top'; }
function outer() {
  const before = typeof inner;
  return [before, inner()];
  function inner() { return 'inner'; }
}
console.log(outer().join());
console.log(typeof blockFn);
{ console.log(typeof blockFn, blockFn()); function blockFn() { return 'block'; } }
console.log(typeof blockFn);
switch (1) { case 1: console.log(caseFn()); function caseFn() { return 'case fn'; } }
function twice() { return 1; }
function twice() { return 2; }
console.log(twice());
var shadowed = 'var';
function shadowed() {}
console.log(typeof shadowed);
