"use strict";
// A byte order mark before a directive in a CommonJS script.
const x = [1, 2, 3].map((v) => v * 2);
if (x.length) console.log(x.join(" "), (function () { return this; })());
console.log(new Error("bom").stack.split("\n")[1].replace(/.*[/\\]/, "").replace(/:\d+\)?$/, ""));
