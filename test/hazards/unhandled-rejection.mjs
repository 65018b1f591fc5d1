// An unhandled rejection ends the process with the same message and code.
async function reject(v) { if (v) { await null; throw new Error('rejected ' + v); } }
console.log('start');
reject(1);
