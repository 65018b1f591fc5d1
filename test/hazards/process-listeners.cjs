// Process-level state a program can observe: listeners, argv and exit code. (Active handles
// are left out: a loader's file and port handles close at times that vary from run to run.)
console.log(['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection', 'warning']
  .map((e) => `${e}=${process.listenerCount(e)}`).join(' '));
console.log(process.argv.length, require('node:path').basename(process.argv[1]), process.exitCode);
process.on('beforeExit', () => { if (!globalThis.done) { globalThis.done = true; console.log('beforeExit once'); } });
