// Object and array literal semantics: __proto__, duplicate keys, spread getters, computed key order.
const log = [];
const k = (x) => { log.push('key ' + x); return x; };
const v = (x) => { log.push('val ' + x); return x; };
const o = { [k('a')]: v(1), [k('b')]: v(2), a: v(3), ...{ get g() { log.push('spread getter'); return 'g'; } } };
console.log(JSON.stringify(o), log.join(' | '));
const proto = { inherited: true };
const withProto = { __proto__: proto, own: 1 };
const computedProto = { ['__proto__']: proto };
console.log(withProto.inherited, Object.keys(withProto).join(), Object.getPrototypeOf(computedProto) === proto, Object.keys(computedProto).join());
const shorthand = (() => { const __proto__ = proto; return { __proto__ }; })();
console.log(Object.getPrototypeOf(shorthand) === proto, Object.keys(shorthand).join());
const arr = [1, , 3, ...'ab', ...[, 5]];
console.log(arr.length, 1 in arr, JSON.stringify(arr));
const order = Object.keys({ b: 1, 2: 1, a: 1, 1: 1, [Symbol.iterator]: 1 });
console.log(order.join());
