export * from './errors.js';
export * from './letter.js';
export * from './result.js';
