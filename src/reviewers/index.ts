export * from './conflicts.js';
export * from './names.js';
export * from './panel.js';
export * from './qualify.js';
export * from './rank.js';
export * from './reviewer.js';
export * from './specialty.js';
