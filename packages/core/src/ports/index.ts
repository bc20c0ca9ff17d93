// Contracts between core and its runtimes (Node adapters, Electron main). No Node imports here.
export * from './access-rule.js';
export * from './clock.js';
export * from './keychain-errors.js';
export * from './logger.js';
export * from './profile.js';
export * from './profile-store.js';
export * from './secret-store.js';
