// Comma, void, delete and typeof, including `this` lost through the comma operator.
const o = { f() { return this; }, p: 1, q: 2 };
globalThis.gv = 1;
console.log((0, o.f)() === undefined || (0, o.f)() === globalThis, (o.f)() === o, (o.f, o.f)() === o);
console.log(void 0, void o.p, void (o.p = 5), o.p);
console.log(delete o.q, 'q' in o, delete o.nonexistent, delete 1, delete gv, typeof gv);
var declared = 1;
console.log(delete declared, typeof declared);
console.log(typeof undeclared, typeof (undeclared));
try { console.log(typeof undeclared?.x); } catch (e) { console.log(e.constructor.name); }
let x = (1, 2, 3);
console.log(x, (x++, x++, x));
const seq = [];
for (let i = 0, j = 10; i < j; i += 3, j -= 3) seq.push(i + ':' + j);
console.log(seq.join(' '));
const key = 'k';
const obj = { [key]: 1 };
console.log(delete obj[key], Object.keys(obj).length);
const arr = [1, 2, 3];
delete arr[1];
console.log(arr.length, 1 in arr, JSON.stringify(arr));
console.log(eval('1, 2'), (0, eval)('typeof module'));
