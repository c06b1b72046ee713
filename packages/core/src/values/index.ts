export * from './as-number.js';
export * from './cidr.js';
export * from './port.js';
export * from './protocol.js';
