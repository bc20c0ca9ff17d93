/**
 * Plays the account holder on the sandbox's validation page: posts its form as a browser would.
 * Returns the HTTP status of the answer (200 or a redirection when it worked).
 */
export async function acceptValidation(
  validationUrl: string,
  account: { nichandle: string; password: string },
  action: 'accept' | 'refuse' = 'accept',
): Promise<number> {
  const url = new URL(validationUrl);
  const form = new URLSearchParams({
    credentialToken: url.searchParams.get('credentialToken') ?? '',
    login: account.nichandle,
    password: account.password,
    duration: '0',
    action,
  });
  const response = await fetch(new URL('/auth/', url.origin), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  await response.text();
  // A browser follows the redirection OVH gives after an answer: the app's loopback return page.
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location) {
    const returned = await fetch(location);
    await returned.text();
  }
  return response.status;
}
