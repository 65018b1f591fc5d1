// Annex B: braceless function declarations as if bodies, for-in initializers, labelled functions.
if (true) function braceless() { return 'braceless'; }
console.log(typeof braceless, braceless());
if (false) function notTaken() {} else function elseFn() { return 'else fn'; }
console.log(typeof notTaken, elseFn());
for (var i = 0 in {}) ;
console.log('for-in initializer', i);
l1: function labelled() { return 'labelled fn'; }
console.log(labelled());
var x = 1;
l2: l3: if (x) { console.log('nested labels'); }
