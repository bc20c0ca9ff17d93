/** Accounts, applications and consumer keys. Owned by the auth and /me modules. */
export interface AuthState {
  placeholder?: never;
}
