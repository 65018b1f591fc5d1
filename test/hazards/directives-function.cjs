// Sloppy script; directives inside functions, escaped directives, directives after other statements.
function sloppy() { return this === undefined; }
function strict() { 'use strict'; return this === undefined; }
function strictAfterComment() {
  // a comment first
  /* and another */ "use strict";
  return this === undefined;
}
function escaped() { 'use\x20strict'; return this === undefined; }
function notFirst() { void 0; 'use strict'; return this === undefined; }
function twoDirectives() { 'use asm'; 'use strict'; return this === undefined; }
function parenthesized() { ('use strict'); return this === undefined; }
const arrowInStrict = function () { 'use strict'; return (() => this === undefined)(); };
console.log(JSON.stringify([sloppy(), strict(), strictAfterComment(), escaped(), notFirst(), twoDirectives(),
  parenthesized(), arrowInStrict()]));
function octalInSloppy() { return 010 + 1; }
console.log(octalInSloppy());
try { eval("(function () { 'use strict'; return 010; })"); console.log('no error'); } catch (e) { console.log(e.name); }
