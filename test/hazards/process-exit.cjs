// Exit codes set from nested calls, output written before exit, and exit handlers.
process.on('exit', (code) => { console.log('exit handler', code, process.exitCode); });
process.stdout.write('partial line without newline, ');
console.error('to stderr');
process.emitWarning('a custom warning', 'CustomWarning');
function deep(n) { if (n === 0) { process.exitCode = 3; return; } deep(n - 1); }
deep(5);
setTimeout(() => { console.log('timer'); if (process.exitCode === 3) process.exit(4); console.log('not reached'); }, 1);
