// Per-iteration bindings and closures in loop heads and bodies.
const fs1 = [];
for (let i = 0; i < 3; i++) fs1.push(() => i);
console.log(fs1.map((f) => f()).join());
const fs2 = [];
for (let i = 0, g = () => i; i < 3; i++) fs2.push(g);
console.log(fs2.map((f) => f()).join());
const fs3 = [];
for (const k in { a: 1, b: 2 }) fs3.push(() => k);
for (const v of ['x', 'y']) fs3.push(() => v);
console.log(fs3.map((f) => f()).join());
const fs4 = [];
for (let i = 0; i < 3; fs4.push(() => i), i++) if (i === 1) continue;
console.log(fs4.map((f) => f()).join());
var fs5 = [];
for (var j = 0; j < 3; j++) fs5.push(() => j);
console.log(fs5.map((f) => f()).join());
let n = 0;
while (n < 5) { const m = n * 2; n++; if (m === 4) continue; if (m > 6) break; fs5.push(() => m); }
console.log(fs5.map((f) => f()).join());
do { let z = n; n--; if (z === 3) break; } while (n > 0);
console.log(n);
try { for (let q of [q]) ; } catch (e) { console.log('for-of-tdz', e.constructor.name); }
try { for (let r in { r }) ; } catch (e) { console.log('for-in-tdz', e.constructor.name); }
outer: for (let a = 0; a < 3; a++) { for (let b = 0; b < 3; b++) { if (b === a) continue outer; if (a === 2) break outer; fs1.push(() => a * 10 + b); } }
console.log(fs1.map((f) => f()).join());
