// A module that shadows globalThis, Object, Symbol and typed arrays at its top level.
const globalThis = { fake: true };
const Uint32Array = function Fake() { return 'fake typed array'; };
const Object = { keys: () => ['fake'] };
const Symbol = 'not a symbol';
const undefinedValue = void 0;
function usesThem(x) {
  if (x) { return [globalThis.fake, Uint32Array(), Object.keys({ a: 1 }).join(), typeof Symbol].join(' '); }
  return undefinedValue;
}
console.log(usesThem(1), usesThem(0));
