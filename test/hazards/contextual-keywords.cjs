// Sloppy scripts may use contextual keywords as identifiers: await, yield, let, static, async, of, get, set.
var await = 5;
var yield = await + 1;
var let = [yield];
var async = function async(of) { return of * 2; };
var of = [1, 2];
var get = 'g', set = 's', from = 'f', as = 'a', target = 't';
function static() { return 'static fn'; }
console.log(await, yield, let[0], async(3), static(), get + set + from + as + target);
for (var x of of) { if (x > 1) console.log('of loop', x); }
var r = async
(1);
console.log(r);
function implements(package) { return package + 1; }
console.log(implements(1));
label: { let = [9]; if (let[0]) break label; }
console.log(let[0]);
console.log((async) ? 'async is truthy' : 'no');
var obj = { await: 1, yield: 2, async: 3, get: 4, set: 5, static: 6, new: 7, class: 8 };
console.log(Object.keys(obj).join(), obj.await + obj.new + obj.class);
