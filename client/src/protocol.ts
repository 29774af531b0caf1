// The one door from the client into the server tree: the shared wire contract.
export * from '../../server/src/protocol/index.js';
