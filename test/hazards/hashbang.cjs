#!/usr/bin/env node
"use strict";
// Hashbang first, then a directive: the script must stay strict.
console.log("strict:", (function () { return this === undefined; })());
try { undeclaredVariable = 1; console.log("no error"); } catch (e) { console.log(e.name); }
