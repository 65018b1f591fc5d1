/**
 * Prints the top self-time functions of a V8 .cpuprofile (from `node --cpu-prof`), the
 * evidence behind the hot spots named in bench/RESULTS.md.
 *
 *   node bench/profile-top.mjs FILE.cpuprofile [N]
 */
import * as fs from 'node:fs';

const [file, nText = '25'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/profile-top.mjs FILE.cpuprofile [N]\n');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
if (!Array.isArray(profile.nodes) || !Array.isArray(profile.samples)) throw new Error(`${file} is not a V8 CPU profile`);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas?.[i] ?? 0;
  const n = byId.get(id);
  const cf = n.callFrame;
  const key = `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^file:\/\//, '')}:${cf.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(nText));
for (const [key, us] of top) process.stdout.write(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}\n`);
