// decode-uri-component promises to decode what decodeURIComponent would reject, never
// throwing on malformed input. Any exception is a bug.
export function makeTarget(decode) {
  return function fuzz(data) {
    decode(data.toString('latin1'));
  };
}
