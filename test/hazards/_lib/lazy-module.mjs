// Imported lazily by patched-builtins.mjs, after the builtins were patched.
export function pick(list) { const out = []; for (const x of list) if (x % 2) out.push(x); else out.unshift(x); return out; }
