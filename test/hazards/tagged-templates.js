// Tagged templates: per-site template objects, raw strings, invalid escapes, evaluation order.
const seen = new Set();
const tag = (strings, ...vals) => { seen.add(strings); return strings.raw.join('|') + ':' + vals.join(','); };
const results = [];
for (let i = 0; i < 3; i++) results.push(tag`a${i}b${i * 2}`);
console.log(results.join(' '), 'distinct template objects:', seen.size);
function site() { return tag`same site`; }
site(); site();
console.log('after repeated calls:', seen.size);
const strict = (s) => s;
const obj = strict`\unicode and \xZ`;
console.log(obj[0], obj.raw[0], Object.isFrozen(obj), Array.isArray(obj.raw));
console.log(String.raw`C:\new\table${1 + 1}`);
const order = [];
const t2 = (s, ...v) => v;
console.log(t2`${order.push(1)}${order.push(2)}`.join(), order.join());
const member = { tag(s) { return this === member; } };
console.log(member.tag`x`, (member?.tag)`y`);
