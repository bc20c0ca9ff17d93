/** HTML of the credential validation page: what the account holder sees before granting access. */
import type { SandboxApplication, SandboxCredential } from './auth-state.js';

export const VALIDITY_CHOICES: ReadonlyArray<{ seconds: number; label: string }> = [
  { seconds: 3600, label: '1 hour' },
  { seconds: 86400, label: '1 day' },
  { seconds: 2592000, label: '30 days' },
  { seconds: 0, label: 'Unlimited' },
];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} - OVH API sandbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
label{display:block;margin:.6rem 0}.error{color:#b00020;font-weight:bold}button{margin-right:1rem}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${content}
</body>
</html>
`;
}

export function validationFormHtml(
  credential: SandboxCredential,
  application: SandboxApplication | undefined,
  error?: string,
  login = '',
): string {
  const rules = credential.rules
    .map(
      (rule) => `<tr><td>${escapeHtml(rule.method)}</td><td><code>${escapeHtml(rule.path)}</code></td></tr>`,
    )
    .join('\n');
  const options = VALIDITY_CHOICES.map(
    (choice) =>
      `<option value="${choice.seconds}"${choice.seconds === 0 ? ' selected' : ''}>${choice.label}</option>`,
  ).join('');
  return page(
    'Authorize an application',
    `<p>The application <strong>${escapeHtml(application?.name ?? 'unknown')}</strong>
(${escapeHtml(application?.description ?? '')}) asks for access to your account with these rights:</p>
<table><thead><tr><th>Method</th><th>Path</th></tr></thead><tbody>
${rules}
</tbody></table>
${credential.allowedIPs ? `<p>Only from: ${credential.allowedIPs.map(escapeHtml).join(', ')}</p>` : ''}
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/auth/">
<input type="hidden" name="credentialToken" value="${escapeHtml(credential.credentialToken)}">
<label>Account ID (nichandle) <input name="login" autocomplete="username" value="${escapeHtml(login)}"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<label>Validity <select name="duration">${options}</select></label>
<button type="submit" name="action" value="accept">Accept</button>
<button type="submit" name="action" value="refuse">Refuse</button>
</form>`,
  );
}

export function messagePageHtml(title: string, message: string): string {
  return page(title, `<p>${escapeHtml(message)}</p>`);
}
