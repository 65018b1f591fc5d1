"use strict";
console.log((function () { return this; })());
console.log(new Error("bom").stack.split("\n")[1].replace(/.*[/\\]/, "").replace(/:\d+\)?$/, ""));
