export * from './ack.js';
export * from './api.js';
export * from './roles.js';
export * from './scenario.js';
export * from './socket.js';
export * from './media.js';
export * from './steer.js';
export * from './floor.js';
