// Consumer-key delegation, profiles and where settings come from.
export * from './access-rules.js';
export * from './account-credentials.js';
export * from './config-sources.js';
export * from './consumer-key-request.js';
export * from './credential-types.js';
export * from './credentials-api-client.js';
export * from './current-credential.js';
export * from './in-memory-profile-store.js';
export * from './in-memory-secret-store.js';
export * from './ovh-conf.js';
export * from './profile-credentials.js';
export * from './profiles-document.js';
export * from './resolve-config.js';
export * from './resolved-config.js';
export * from './wait-for-validation.js';
