// Labels with break/continue, labeled blocks, switch fallthrough and discriminant evaluation.
const out = [];
block: { out.push('b1'); if (out.length) break block; out.push('never'); }
a: b: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 1) continue a; if (i === 2) break b; out.push(`${i}${j}`); } }
lbl: if (true) { out.push('if-label'); break lbl; }
let k = 0;
w: while (true) { k++; switch (k) { case 1: continue w; case 2: out.push('two'); case 3: out.push('three'); break; default: break w; } }
out.push('k=' + k);
let evals = 0;
const disc = () => { evals++; return 'b'; };
const caseVal = (v) => { out.push('test ' + v); return v; };
switch (disc()) { case caseVal('a'): out.push('A'); case caseVal('b'): out.push('B'); case caseVal('c'): out.push('C'); break; case caseVal('d'): out.push('D'); }
out.push('evals=' + evals);
function fall(x) { const r = []; switch (x) { default: r.push('def'); case 1: r.push(1); case 2: r.push(2); break; case 3: r.push(3); } return r.join(''); }
out.push(fall(0), fall(1), fall(2), fall(3));
switch (1) { }
switch (NaN) { case NaN: out.push('nan'); break; default: out.push('nan-default'); }
switch (-0) { case 0: out.push('zero'); }
out.push((() => { switch (2) { case 1: return 'r1'; case 2: { return 'r2'; } } })());
x: try { break x; } finally { out.push('finally after break'); }
console.log(out.join(' '));
