// An uncaught exception in a module.
const data = [1, 2, 3];
function check(list) { for (const x of list) if (x > 2) throw new Error(`too big: ${x}`); }
console.log('checking');
check(data);
