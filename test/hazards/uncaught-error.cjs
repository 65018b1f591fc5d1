// An uncaught exception: stderr (with the source line Node prints) and exit code must match.
function fail(reason) {
  if (reason) {
    throw new TypeError('uncaught: ' + reason);
  }
}
console.log('before');
fail('boom');
