// Sloppy script features: with, legacy octal, HTML comments, top-level return.
var scope = { a: 1, b: 2 };
with (scope) {
  a = a + b;
  var leaked = a * 10;
  if (a > 2) { b = 'big'; }
}
console.log(scope.a, scope.b, leaked, typeof a);
const trapLog = [];
const proxied = new Proxy({ x: 5, out: [] }, {
  has(t, k) { if (typeof k === 'string') trapLog.push(k); return k in t; },
});
with (proxied) {
  if (x > 1) out.push('x>1');
  for (let i = 0; i < 2; i++) out.push(i);
}
console.log(JSON.stringify(trapLog));
console.log(010, 0o10, 08, '\07'.charCodeAt(0), '\101');
<!-- this is an HTML open comment, a line comment in scripts
var afterHtml = 1; /* a comment
 spanning lines */ --> an HTML close comment after a multi-line block comment
--> an HTML close comment at the start of a line
console.log('html comments', typeof afterHtml);
function declaredLater() { return 'hoisted'; }
if (true) { function inBlock() { return 'annex b'; } }
console.log(declaredLater(), inBlock());
function dup(p, p) { return p; }
console.log(dup(1, 2));
if (scope.a === 3) return console.log('returned at top level');
console.log('not reached');
