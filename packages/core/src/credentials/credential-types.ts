import type { AccessRule } from '../ports/index.js';

export type CredentialStatus = 'pendingValidation' | 'validated' | 'refused' | 'expired';

/** OVH's api.Credential, as `/auth/currentCredential` and `/me/api/credential/{id}` answer it. */
export interface ApiCredential {
  credentialId: number;
  applicationId: number;
  /** ISO 8601 dates. */
  creation: string;
  expiration: string | null;
  lastUse: string | null;
  status: CredentialStatus;
  rules: AccessRule[];
  allowedIPs: string[] | null;
  ovhSupport: boolean;
}

/** OVH's api.Application. */
export interface ApiApplication {
  applicationId: number;
  applicationKey: string;
  name: string;
  description: string;
  status: string;
}
