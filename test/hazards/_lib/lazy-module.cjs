// Loaded lazily by patched-builtins.cjs, after the builtins were patched.
function pick(list) { const out = []; for (const x of list) if (x % 2) out.push(x); else out.unshift(x); return out; }
module.exports = { pick };
