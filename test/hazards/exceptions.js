// try/catch/finally control flow: return overriding, finally with break, rethrow and causes.
function f1() { try { return 'try'; } finally { console.log('f1 finally'); } }
function f2() { try { throw new Error('x'); } catch { return 'catch'; } finally { return 'finally wins'; } }
function f3() { for (const i of [1, 2, 3]) { try { if (i === 2) break; } finally { console.log('f3 finally', i); } } return 'after loop'; }
function f4() { try { try { throw new Error('inner'); } finally { console.log('inner finally'); } } catch (e) { return 'outer caught ' + e.message; } }
function f5() { try { throw new Error('first'); } finally { try { throw new Error('second'); } catch (e) { console.log('swallowed', e.message); } } }
function f6() { let i = 0; while (true) { try { i++; if (i < 3) continue; return i; } finally { console.log('f6 finally', i); } } }
console.log(f1(), f2(), f3(), f4());
try { f5(); } catch (e) { console.log('f5', e.message); }
console.log(f6());
const withCause = new Error('outer', { cause: new TypeError('root') });
console.log(withCause.cause.name, withCause.cause.message);
try { throw 'a string'; } catch (e) { console.log(typeof e, e); }
try { throw { code: 42 }; } catch ({ code }) { console.log('destructured catch', code); }
try { try { null.x; } catch (e) { throw new Error('wrapped', { cause: e }); } } catch (e) { console.log(e.message, e.cause.constructor.name); }
const agg = new AggregateError([new Error('a'), new Error('b')], 'many');
console.log(agg.errors.length, agg.message, agg.name);
function finallyThrows() { try { return 'lost'; } finally { throw new Error('finally throw'); } }
try { finallyThrows(); } catch (e) { console.log(e.message); }
