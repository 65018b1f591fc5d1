// Parsing a version range should take time roughly linear in its length. The time oracle:
// a parse that takes longer than LIMIT_MS is a finding (ordinary ranges of a few KB parse
// in well under a millisecond; the bug takes seconds at a few hundred bytes). A slow parse
// is timed twice more and only the fastest of the three counts, so that a GC pause or a
// busy machine does not pass for the bug.
const LIMIT_MS = Number(process.env.SEMVER_ORACLE_MS ?? 250);

function parseTime(semver, text) {
  const t0 = performance.now();
  try {
    new semver.Range(text);
  } catch {
    // an invalid range is a normal answer
  }
  return performance.now() - t0;
}

export function makeTarget(semver) {
  return function fuzz(data) {
    const text = data.toString('latin1');
    let ms = parseTime(semver, text);
    if (ms <= LIMIT_MS) return;
    ms = Math.min(ms, parseTime(semver, text), parseTime(semver, text));
    if (ms > LIMIT_MS) {
      throw new Error(`super-linear range parsing: ${ms.toFixed(0)} ms for ${data.length} bytes`);
    }
  };
}
