// Node adapters for @ovh-pca/core's ports, shared by the CLI and the desktop main process.
export { type BrowserReturnListener, startBrowserReturnListener } from './browser-return-listener.js';
export { profilesDirectory } from './config-directory.js';
export {
  downloadToFile,
  type FileDownloadOptions,
  type FileDownloadProgress,
  type FileDownloadResult,
  partPathOf,
} from './download/file-download.js';
export { type ObjectFilePath, objectFilePath } from './download/object-file-path.js';
export { InvalidEnvironmentError, type NodeEnvironment, readEnvironment } from './environment.js';
export { FileProfileStore, type FileProfileStoreOptions, PROFILES_FILE_NAME } from './file-profile-store.js';
export {
  FileChangedError,
  type FilePart,
  type FilePartOptions,
  md5OfFilePart,
  openFilePart,
} from './files/file-parts.js';
export {
  type CollectUploadSourcesOptions,
  collectUploadSources,
  type FileUploadSource,
} from './files/upload-sources.js';
export { keychainHint } from './keychain-hints.js';
export { KeytarS3CredentialStore } from './keytar-s3-credential-store.js';
export { KEYCHAIN_SERVICE, KeytarSecretStore, type KeytarSecretStoreOptions } from './keytar-secret-store.js';
export {
  createNodeCredentialServices,
  type NodeCredentialServices,
  type NodeCredentialServicesOptions,
} from './node-credential-services.js';
export { defaultOvhConfPaths, readOvhConf } from './ovh-conf-files.js';
// S3 (the AWS SDK) is the subpath `@ovh-pca/platform-node/s3`: commands that need no S3 never load it.
