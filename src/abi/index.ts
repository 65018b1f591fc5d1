/** The kcov ABI: constants and the error type. Everything else builds on this layer. */
export * from './constants.js';
export * from './errors.js';
