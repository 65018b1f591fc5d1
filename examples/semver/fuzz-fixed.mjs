// Negative control: semver 7.5.2.
import semver from 'semver-7.5.2';
import { makeTarget } from './oracle.mjs';

export const fuzz = makeTarget(semver);
