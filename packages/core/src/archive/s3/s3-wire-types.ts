// API v1 shapes the S3 access needs (reference doc §3.2, §7).

/** `cloud.Region` (only what is read). */
export interface RegionWire {
  name: string;
  services?: Array<{ name: string; endpoint: string; status?: string }>;
}

/** `cloud.user.User` / `UserDetail`. */
export interface CloudUserWire {
  id: number;
  username: string;
  description: string;
  status: string;
  roles?: Array<{ name: string }>;
}

/** `cloud.user.S3CredentialsWithSecret` (the secret only in the creation answer). */
export interface S3CredentialsWire {
  access: string;
  secret?: string;
  tenantId?: string;
  userId?: string;
}
