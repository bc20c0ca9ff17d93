// Public surface of @ovh-pca/sandbox.

export {
  answerValidationPage,
  type ValidationAnswer,
  type ValidationPageResult,
} from './account-holder-browser.js';
export type { AccessRule, CredentialStatus } from './domain/auth/auth-state.js';
export type { FaultKind, RequestLogEntry } from './http/request-log.js';
export type { BehaviourUpdate, SandboxSettings } from './sandbox-settings.js';
export {
  type NewCredentialInput,
  type SandboxHandle,
  type StartSandboxOptions,
  startSandbox,
} from './start-sandbox.js';
export type { SandboxState } from './state/sandbox-state.js';
// For other packages' tests: Swift as the sandbox's OpenStack user sees it (Keystone token).
export { openSwiftSession, type SwiftSession } from './testing/openstack-auth.js';
