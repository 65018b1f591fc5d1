// decode-uri-component 0.2.0: some malformed sequences (e.g. '%ea%ba%5a%ba') make it throw
// "TypeError: decodeComponents(...).join is not a function" (CVE-2022-38900; fixed in 0.2.1/0.2.2).
import decode from 'decode-uri-component-0.2.0';
import { makeTarget } from './oracle.mjs';

export const fuzz = makeTarget(decode);
