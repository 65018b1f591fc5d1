// Negative control: decode-uri-component 0.2.2.
import decode from 'decode-uri-component-0.2.2';
import { makeTarget } from './oracle.mjs';

export const fuzz = makeTarget(decode);
