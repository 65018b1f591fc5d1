// User bindings with the names kcovjs injects ($k, $c, $t, $h, $a, $q0.., $w) and its global key.
var $k = 'user k';
let $c = ['user c'];
const $t = 'user t';
function $h(x) { return 'user h ' + x; }
class $a { static who() { return 'user a'; } }
const $q0 = 'q0', $w = 'w';
const __kcov = 'user __kcov';
let __kcovjs_runtime = 'user runtime';
function inner(flag) {
  var $c = 'function c';
  let $h = (v) => 'inner h ' + v;
  if (flag) { const $t = 'block t'; return [$c, $h(1), $t].join('|'); }
  for (let $k = 0; $k < 2; $k++) { if ($k) return $k + $c; }
  return 'none';
}
console.log($k, $c[0], $t, $h(2), $a.who(), $q0, $w, __kcov, __kcovjs_runtime);
console.log(inner(true), inner(false));
const destructured = ({ $c, $k: renamed }) => ($c ? $c + renamed : renamed);
console.log(destructured({ $c: 'dc', $k: 'dk' }), destructured({ $k: 'only' }));
console.log(typeof $c, Array.isArray($c), (function ($t) { if ($t) return $t; })('param t'));
try { $c = 'reassigned'; console.log($c); } catch (e) { console.log(e.constructor.name); }
