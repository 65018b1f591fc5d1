'use strict';
// A directive prologue keeps the script strict; a function-level directive makes only that function strict.
console.log('script strict:', (function () { return this === undefined; })());
