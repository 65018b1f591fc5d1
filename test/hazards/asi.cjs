// Automatic semicolon insertion: statements without semicolons next to lines starting with ( [ ` + - /
let a = 1
let b = a
;(function () { b++ })()
;[a, b] = [b, a]
const t = `x`
;`ignored template`
let c = a
+b
let d = c
-1
function ret() {
  return
  42
}
let i = 0
i
++a
const re = 4
/2/1
let s = 'str'
const arrow = () => {}
;(arrow)
var x = 5
if (x) x
else x = 0
do x--; while (x > 3) console.log('after do-while', x)
const obj = { f() { return 'f' } }
const v = obj
.f()
console.log(a, b, c, d, ret(), i, re, s, v)
let q = 1
q
--q
console.log(q)
