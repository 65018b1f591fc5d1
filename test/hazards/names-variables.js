// Name inference from variable initialisers, assignments and destructuring defaults.
const f1 = function () {};
let f2 = () => {};
var C1 = class {};
const f3 = async () => {};
const f4 = function* () {};
const named = function inner() {};
let [d1 = function () {}] = [];
const { d2 = () => {}, d3 = class {} } = {};
let a1;
a1 = function () {};
let a2 = null;
a2 ??= () => {};
let a3 = 0;
a3 ||= class {};
let a4 = 1;
a4 &&= function () {};
const paren = (function () {});
const seq = (0, function () {});
const cond = true ? function () {} : null;
const arr = [function () {}][0];
console.log(JSON.stringify([f1.name, f2.name, C1.name, f3.name, f4.name, named.name, d1.name, d2.name, d3.name,
  a1.name, a2.name, a3.name, a4.name, paren.name, seq.name, cond.name, arr.name]));
for (const g = () => {}; ;) { console.log('for-init', g.name); break; }
