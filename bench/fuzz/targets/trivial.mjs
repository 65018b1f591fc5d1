/** Trivial synchronous fuzz target: a few byte compares, no allocation. */
export function fuzz(data) {
  if (data.length < 3) return 0;
  if (data[0] === 0x46) {
    if (data[1] === 0x55) return data[2] === 0x5a ? 3 : 2;
    return 1;
  }
  return 0;
}
