export * from './resource-source.js';
