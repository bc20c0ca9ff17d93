/** The public shape of a consumer key (api.Credential): what /auth/currentCredential and /me show. */
import type { SandboxCredential } from './auth-state.js';

export function credentialView(credential: SandboxCredential) {
  return {
    credentialId: credential.credentialId,
    applicationId: credential.applicationId,
    creation: credential.creation,
    expiration: credential.expiration,
    lastUse: credential.lastUse,
    status: credential.status,
    rules: credential.rules.map((rule) => ({ method: rule.method, path: rule.path })),
    allowedIPs: credential.allowedIPs,
    ovhSupport: false,
  };
}
