// Public surface of @ovh-pca/core. Each area owns its own index.

export * from './archive/index.js';
export * from './client/index.js';
export * from './credentials/index.js';
export * from './ports/index.js';
export * from './text/index.js';
