'use client';
'use strict';
// Framework directives ("use client", "use server") must stay first in the module and in functions.
async function action(x) {
  'use server';
  if (x) return 'server ' + x;
  return 'none';
}
console.log(await action(1), await action(0), (function () { return this; })());
