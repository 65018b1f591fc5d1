// Direct eval in a module sees module bindings; indirect eval does not.
const modConst = 'module-const';
let counter = 0;
function bump() { counter++; return counter; }
console.log(eval('modConst + ":" + bump()'), (0, eval)('typeof modConst'), counter);
console.log(eval('this'));
try { eval('import.meta'); } catch (e) { console.log(e.constructor.name); }
