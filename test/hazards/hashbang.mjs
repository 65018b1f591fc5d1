#!/usr/bin/env node
// Hashbang in an ES module.
const lines = [];
for (let i = 0; i < 3; i++) if (i % 2) lines.push(i); else lines.push(-i);
console.log(lines.join(","), typeof import.meta.url);
console.log(new Error("here").stack.split("\n")[1].replace(/.*[/\\]/, "").replace(/:\d+\)?$/, ""));
