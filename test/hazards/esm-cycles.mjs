// Cyclic ES modules: hoisted function declarations are callable, let/const are in TDZ.
import { report, seenByB } from './_lib/cycle-a.mjs';
console.log(report());
console.log(seenByB);
