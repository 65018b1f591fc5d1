// The iterator protocol: next/return calls in destructuring, spread, for-of break and yield*.
const log = [];
function iterable(n) {
  let i = 0;
  return {
    [Symbol.iterator]() { log.push('iter'); return this; },
    next() { log.push('next'); return i < n ? { value: i++, done: false } : { value: 'end', done: true }; },
    return(v) { log.push('return'); return { value: v, done: true }; },
  };
}
const step = (name, fn) => { log.length = 0; const r = fn(); console.log(name, JSON.stringify(r), log.join(' ')); };
step('destructure-partial', () => { const [a, b] = iterable(5); return [a, b]; });
step('destructure-exhaust', () => { const [a, b, c] = iterable(2); return [a, b, c]; });
step('destructure-rest', () => { const [a, ...r] = iterable(3); return [a, r]; });
step('spread', () => [...iterable(2)]);
step('for-of-break', () => { for (const x of iterable(5)) if (x === 1) break; return 'b'; });
step('for-of-throw', () => { try { for (const x of iterable(5)) throw new Error(String(x)); } catch (e) { return e.message; } });
step('array-from', () => Array.from(iterable(2), (x) => x * 2));
step('yield-star', () => { function* g() { yield* iterable(3); } const it = g(); it.next(); it.return(9); return 'done'; });
step('holes', () => { const arr = [1, , 3]; const r = []; for (const x of arr) r.push(x === undefined ? 'hole' : x); return r; });
step('map-set', () => [...new Map([[1, 'a']]).entries(), ...new Set('aab')]);
step('array-pattern-default', () => { const [x = (log.push('default'), 'd')] = iterable(0); return x; });
