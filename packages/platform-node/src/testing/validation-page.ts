/**
 * Test helper: does what the account holder does in a browser on the sandbox's validation page.
 * Reads the real HTML form (action, hidden fields) and posts it back, following no redirect.
 */
export interface ValidationAnswer {
  action: 'accept' | 'refuse';
  login?: string;
  password?: string;
  /** Validity in seconds (3600, 86400, 2592000, 0 = unlimited). */
  durationSeconds?: number;
}

export interface ValidationPageResult {
  status: number;
  /** Where the browser would go next (the request's redirection), when the page redirects. */
  location: string | null;
  body: string;
}

export async function answerValidationPage(
  validationUrl: string,
  answer: ValidationAnswer,
): Promise<ValidationPageResult> {
  const page = await fetch(validationUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`Validation page answered ${page.status}`);
  const form = /<form[^>]*method="post"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error('No form on the validation page');
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
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}
