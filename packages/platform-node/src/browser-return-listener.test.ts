import { afterEach, describe, expect, it } from 'vitest';
import { type BrowserReturnListener, startBrowserReturnListener } from './browser-return-listener.js';

let listener: BrowserReturnListener | undefined;
afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

/** Whether `returned` has settled, checked after the answer reached us. */
async function hasReturned(target: BrowserReturnListener): Promise<boolean> {
  return Promise.race([
    target.returned.then(() => true),
    new Promise<boolean>((r) => setImmediate(() => r(false))),
  ]);
}

describe('startBrowserReturnListener', () => {
  it('listens on loopback under a random path and settles when the browser comes back', async () => {
    listener = await startBrowserReturnListener('<p>back</p>');
    expect(listener.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ovh-pca\/[0-9a-f]{32}$/);
    expect(await hasReturned(listener)).toBe(false);
    const page = await fetch(listener.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<p>back</p>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await hasReturned(listener)).toBe(true);
  });

  it('ignores other paths and methods, so another local page cannot fake a return', async () => {
    listener = await startBrowserReturnListener('<p>back</p>');
    const origin = new URL(listener.url).origin;
    expect((await fetch(`${origin}/ovh-pca/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(listener.url, { method: 'POST' })).status).toBe(404);
    expect(await hasReturned(listener)).toBe(false);
  });

  it('still answers a browser that comes back during the grace of a close', async () => {
    listener = await startBrowserReturnListener('<p>back</p>');
    const closing = listener.close({ graceMs: 600_000 });
    const page = await fetch(listener.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<p>back</p>');
    // The return ends the grace: the close settles without waiting for the timer.
    await closing;
    await expect(fetch(listener.url)).rejects.toThrow();
  });

  it('closes at the end of the grace when the browser never comes back', async () => {
    const closing = await startBrowserReturnListener('<p>back</p>');
    await closing.close({ graceMs: 5 });
    expect(await hasReturned(closing)).toBe(false);
    await expect(fetch(closing.url)).rejects.toThrow();
  });

  it('stops listening when closed', async () => {
    const closing = await startBrowserReturnListener('<p>back</p>');
    await closing.close();
    await expect(fetch(closing.url)).rejects.toThrow();
  });
});
