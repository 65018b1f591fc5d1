// An import cycle that calls hoisted functions with branches, loops, a generator, an async
// function and an anonymous default export before their module has run.
import { report } from './_lib/cycle2-a.mjs';
import { pending } from './_lib/cycle2-b.mjs';
console.log(report());
console.log(await pending);
