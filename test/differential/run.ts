/**
 * `npm run test:differential`: the whole differential suite. Prints, for each part, how many
 * inputs were compared, the divergences, and the files that could not be instrumented (with
 * the reasons); exits non-zero when anything diverged.
 *
 *   node dist/test/differential/run.js [--quick]     (--quick: 200 files per parser)
 */
import { describeOutcome, listHazards, passed, runHazards } from './hazards.js';
import { oracleOverCorpus } from './oracle.js';
import { inputsFor, parserDifferential, uaParserSuite, type DifferentialResult, type ParseTool } from './suites.js';

const quick = process.argv.includes('--quick');
let problems = 0;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

function report(r: DifferentialResult): void {
  say(`\n== ${r.name}`);
  say(`compared ${r.compared}, divergences ${r.divergences.length}, uninstrumentable ${r.uninstrumentable.length}, skipped ${r.skipped.length}, library instrumented: ${r.instrumented ? 'yes' : 'NO'}`);
  for (const d of r.divergences.slice(0, 30)) say(`  DIVERGES ${d}`);
  if (r.divergences.length > 30) say(`  ... and ${r.divergences.length - 30} more`);
  for (const u of r.uninstrumentable) say(`  UNINSTRUMENTABLE ${u.file}: ${u.reason}`);
  for (const s of r.skipped) say(`  skipped ${s.file}: ${s.reason}`);
  if (r.divergences.length > 0 || r.uninstrumentable.length > 0 || !r.instrumented) problems++;
}

const cases = listHazards();
for (const record of [false, true]) {
  const outcomes = await runHazards(cases, { record });
  const failed = outcomes.filter((o) => !passed(o));
  const viaImport = outcomes.filter((o) => o.divergence && passed(o));
  say(`${record ? '\n' : ''}== hazard corpus${record ? ' while recording coverage (kcovjs run --coverage-dir)' : ''}: ${outcomes.length} programs, ${failed.length} diverge, ${viaImport.length} differ only as any --import does, ${outcomes.filter((o) => !o.registered).length} not instrumented`);
  for (const o of failed) say(describeOutcome(o));
  for (const o of viaImport) say(`  (accepted) ${o.case.name}: same as node --import <empty module>`);
  if (failed.length > 0) problems++;
}

const tools: ParseTool[] = ['acorn', 'esprima', 'yaml', 'yaml-min', 'marked'];
for (const tool of tools) {
  const { files, skipped } = inputsFor(tool, { maxBytes: 2_000_000, limit: quick ? 200 : undefined });
  report(await parserDifferential(tool, files, skipped));
}
report(await uaParserSuite());

const oracle = await oracleOverCorpus(cases);
const disagreeing = oracle.filter((r) => r.mismatches.length > 0 || r.unchecked);
const accepted = oracle.reduce((n, r) => n + r.accepted.length, 0);
say(`\n== V8 block coverage oracle: ${oracle.length} programs, ${oracle.reduce((n, r) => n + r.blocks, 0)} blocks, ${disagreeing.length} programs disagree, ${accepted} accepted differences (docs/differential.md)`);
for (const r of disagreeing) {
  say(`  ${r.name}: ${r.unchecked ?? ''}`);
  for (const m of r.mismatches) say(`    ${m.kind} at ${m.at}: ${m.text}`);
}
if (disagreeing.length > 0) problems++;

say(`\n${problems === 0 ? 'differential: no divergences' : `differential: ${problems} part(s) diverged`}`);
process.exitCode = problems === 0 ? 0 : 1;
