/**
 * The library workloads: each one prepares its state from an input text, then `run(state)`
 * does one iteration of real work and returns a checksum (so that nothing is optimised away
 * and every variant can be checked to compute the same results). Self-contained on purpose:
 * the istanbul variant copies this file next to instrumented copies of the libraries.
 */
import * as acorn from 'acorn';
import yaml from 'js-yaml';
import { Marked } from 'marked';
import semver from 'semver';
import { XMLParser } from 'fast-xml-parser';

function countNodes(value) {
  let n = 0;
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    n++;
    for (const k in v) stack.push(v[k]);
  }
  return n;
}

/** Library name -> { prepare(text), run(state) }. */
export const workloads = {
  acorn: {
    prepare: (text) => JSON.parse(text),
    run(sources) {
      let n = 0;
      for (const s of sources) n += acorn.parse(s.text, { ecmaVersion: 'latest', sourceType: 'module', locations: true }).body.length;
      return n;
    },
  },
  'js-yaml': {
    prepare: (text) => text,
    run: (text) => countNodes(yaml.load(text)),
  },
  marked: {
    prepare: (text) => ({ text, marked: new Marked({ gfm: true }) }),
    run: (s) => s.marked.parse(s.text).length,
  },
  semver: {
    prepare: (text) => JSON.parse(text),
    run({ versions, ranges }) {
      let n = 0;
      for (const r of ranges) {
        if (!semver.validRange(r)) continue;
        for (let i = 0; i < versions.length; i += 4) if (semver.satisfies(versions[i], r)) n++;
        if (semver.maxSatisfying(versions, r) !== null) n++;
      }
      return n + semver.sort(versions.slice()).length;
    },
  },
  'fast-xml-parser': {
    prepare: (text) => ({ text, parser: new XMLParser({ ignoreAttributes: false, parseAttributeValue: true }) }),
    run: (s) => countNodes(s.parser.parse(s.text)),
  },
};
