/**
 * Does over HTTP what the account holder does in a browser on the validation page: opens it,
 * reads the real HTML form (its action and hidden fields), fills it in and submits it.
 * Exported for the tests of every package that drives a login against the sandbox.
 */
export interface ValidationAnswer {
  action: 'accept' | 'refuse';
  login?: string;
  password?: string;
  /** Validity in seconds (3600, 86400, 2592000; 0 = unlimited). */
  durationSeconds?: number;
  /** Follow the page's redirection as a browser does (to a CLI's loopback listener, say). */
  followRedirect?: boolean;
}

export interface ValidationPageResult {
  status: number;
  /** With followRedirect unset: where the page redirects (the request's redirection), if anywhere. */
  location: string | null;
  /** The URL of the last page the browser reached. */
  url: string;
  body: string;
}

export async function answerValidationPage(
  validationUrl: string,
  answer: ValidationAnswer,
): Promise<ValidationPageResult> {
  const page = await fetch(validationUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`validation page answered ${page.status}`);
  const form = /<form[^>]*method="post"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error('no form on the validation page');
  const fields = new URLSearchParams();
  for (const input of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name) fields.set(name, value);
  }
  if (answer.login !== undefined) fields.set('login', answer.login);
  if (answer.password !== undefined) fields.set('password', answer.password);
  fields.set('duration', String(answer.durationSeconds ?? 0));
  fields.set('action', answer.action);
  const response = await fetch(new URL(form[1]!, validationUrl), {
    method: 'POST',
    body: fields,
    redirect: answer.followRedirect ? 'follow' : 'manual',
  });
  return {
    status: response.status,
    location: response.headers.get('location'),
    url: response.url,
    body: await response.text(),
  };
}
