// semver 7.5.1: Range parsing backtracks catastrophically on long runs of spaces
// (CVE-2022-25883, ReDoS; fixed in 7.5.2).
import semver from 'semver-7.5.1';
import { makeTarget } from './oracle.mjs';

export const fuzz = makeTarget(semver);
