/**
 * Drives the sandbox's validation page over HTTP the way a browser would: open the page, submit
 * its form, follow the redirection (to the CLI's loopback listener when login set one).
 */
export interface ValidationAnswer {
  account: { nichandle: string; password: string };
  action: 'accept' | 'refuse';
  /** Validity in seconds; 0 = unlimited. */
  durationSeconds?: number;
}

export async function answerValidationPage(
  validationUrl: string,
  answer: ValidationAnswer,
): Promise<Response> {
  const page = await fetch(validationUrl);
  const html = await page.text();
  if (!page.ok) throw new Error(`validation page answered ${page.status}: ${html.slice(0, 200)}`);
  const token = /name="credentialToken" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('validation page has no credentialToken field');
  const form = new URLSearchParams({
    credentialToken: token,
    login: answer.account.nichandle,
    password: answer.account.password,
    duration: String(answer.durationSeconds ?? 0),
    action: answer.action,
  });
  // fetch follows the 303 to the redirection, as the browser would.
  return fetch(validationUrl, { method: 'POST', body: form, redirect: 'follow' });
}

/** The validation URL from login's stderr, once printed. */
export function findValidationUrl(stderr: string): string | undefined {
  return /(https?:\/\/\S+credentialToken=\S+)/.exec(stderr)?.[1];
}
