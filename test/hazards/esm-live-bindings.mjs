// Live bindings, re-exports, namespace objects and destructuring exports.
import def, { count, inc, aliased, self, destructA, destructB } from './_lib/live.mjs';
console.log(count, aliased);
inc(); inc();
console.log(count, aliased, self.count, def, destructA, destructB);
console.log(Object.keys(self).join(), Object.prototype.toString.call(self), Object.isFrozen(self) || Object.isSealed(self));
try { self.count = 5; } catch (e) { console.log(e.constructor.name); }
