export * from './demo.js';
export * from './letter.js';
export * from './rng.js';
export * from './simulation.js';
