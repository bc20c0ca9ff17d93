/** Accounts, applications and consumer keys. Owned by the auth and /me modules. */
import type { HttpMethod } from '../../http/http-method.js';

export type CredentialStatus = 'pendingValidation' | 'validated' | 'refused' | 'expired';

export interface AccessRule {
  method: HttpMethod;
  /** Literal path below /1.0, where `*` matches any characters (including `/`). */
  path: string;
}

/** An OVH customer account (nichandle) that can log in on the validation page. */
export interface SandboxAccount {
  nichandle: string;
  password: string;
  email: string;
  firstname: string;
  name: string;
  country: string;
  currency: { code: string; symbol: string };
}

export interface SandboxApplication {
  applicationId: number;
  applicationKey: string;
  applicationSecret: string;
  name: string;
  description: string;
  status: 'active' | 'blocked' | 'inactive' | 'trusted';
  /** Account that registered the application. */
  ownerNichandle: string;
}

export interface SandboxCredential {
  credentialId: number;
  consumerKey: string;
  /** Token of the validation page URL (`/auth/?credentialToken=…`). */
  credentialToken: string;
  applicationId: number;
  status: CredentialStatus;
  rules: AccessRule[];
  allowedIPs: string[] | null;
  redirection: string | null;
  /** OVH dates (ISO 8601 with offset). */
  creation: string;
  expiration: string | null;
  lastUse: string | null;
  /** Account that validated (or refused) the key; null while pending. */
  nichandle: string | null;
}

export interface AuthState {
  accounts: SandboxAccount[];
  applications: SandboxApplication[];
  credentials: SandboxCredential[];
  nextApplicationId: number;
  nextCredentialId: number;
}
