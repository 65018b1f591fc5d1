// Parsing a version range should take time roughly linear in its length. The time oracle:
// one parse that takes longer than LIMIT_MS is a finding (ordinary ranges of a few KB parse
// in well under a millisecond; the bug takes seconds at a few hundred bytes).
const LIMIT_MS = Number(process.env.SEMVER_ORACLE_MS ?? 250);

export function makeTarget(semver) {
  return function fuzz(data) {
    const text = data.toString('latin1');
    const t0 = performance.now();
    try {
      new semver.Range(text);
    } catch {
      // an invalid range is a normal answer
    }
    const ms = performance.now() - t0;
    if (ms > LIMIT_MS) {
      throw new Error(`super-linear range parsing: ${ms.toFixed(0)} ms for ${data.length} bytes`);
    }
  };
}
