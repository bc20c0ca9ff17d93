/** The validation URL from login's stderr, once printed. */
export function findValidationUrl(stderr: string): string | undefined {
  return /(https?:\/\/\S+credentialToken=\S+)/.exec(stderr)?.[1];
}
