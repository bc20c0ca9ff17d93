import {
  answerValidationPage,
  type SandboxHandle,
  startSandbox,
  type ValidationAnswer,
} from '@ovh-pca/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidCredentialError, InvalidSignatureError, UnknownCredentialError } from '../client/errors.js';
import { OvhClient } from '../client/ovh-client.js';
import { presetAccessRules } from './access-rules.js';
import { listCredentials, revokeCredential } from './account-credentials.js';
import { InvalidConsumerKeyRequestError, requestConsumerKey } from './consumer-key-request.js';
import { getCurrentCredential, logout } from './current-credential.js';
import { type ValidationPollEvent, waitForValidation } from './wait-for-validation.js';

let sandbox: SandboxHandle;
let customer: { nichandle: string; password: string };

beforeAll(async () => {
  sandbox = await startSandbox({ sessions: 1, files: 1 });
  customer = sandbox.createAccount({ nichandle: 'cu12345-ovh', password: 'customer-password' });
});
afterAll(() => sandbox.close());

/** A client of the demo application, without a consumer key yet (what `login` starts with). */
const appClient = (applicationSecret = sandbox.applicationSecret) =>
  new OvhClient({
    endpoint: sandbox.endpoint,
    applicationKey: sandbox.applicationKey,
    applicationSecret,
    retries: 0,
  });

/** The application owner's own full-rights client, to look at the account's keys. */
const ownerClient = () =>
  new OvhClient({
    endpoint: sandbox.endpoint,
    applicationKey: sandbox.applicationKey,
    applicationSecret: sandbox.applicationSecret,
    consumerKey: sandbox.consumerKey,
  });

const fastPolling = { initialMs: 5, maxMs: 20, factor: 2 };

/** Requests a key, then answers the validation page once the wait has seen it pending. */
async function delegate(
  answer: ValidationAnswer,
  options: { redirected?: boolean; timeoutMs?: number; timeoutAfterPolls?: number } = {},
) {
  const client = appClient();
  const pending = await requestConsumerKey(client, {
    accessRules: presetAccessRules('archive-read'),
    ...(options.redirected ? { redirection: 'http://127.0.0.1:9/back' } : {}),
  });
  const polls: ValidationPollEvent[] = [];
  let page: ReturnType<typeof answerValidationPage> | undefined;
  let browserBack!: () => void;
  const validatedSignal = new Promise<void>((resolve) => {
    browserBack = resolve;
  });
  const { timeoutAfterPolls } = options;
  const outcome = await waitForValidation(client, {
    consumerKey: pending.consumerKey,
    interval: fastPolling,
    timeoutMs: options.timeoutMs ?? 20_000,
    // The wait's own clock, moved by its polls: its deadline passes after that many polls,
    // however slow the machine is.
    ...(timeoutAfterPolls !== undefined && {
      clock: { now: () => (polls.length >= timeoutAfterPolls ? 3_600_000 : 0) },
    }),
    ...(options.redirected ? { validatedSignal } : {}),
    onPoll: (event) => {
      polls.push(event);
      page ??= answerValidationPage(pending.validationUrl, answer).then((result) => {
        // The CLI's loopback listener would see this request: the browser came back.
        if (result.location) browserBack();
        return result;
      });
    },
  });
  return { client, pending, outcome, polls, page: await page };
}

describe('requestConsumerKey', () => {
  it('returns a pending key and a validation URL on the sandbox', async () => {
    const pending = await requestConsumerKey(appClient(), { accessRules: presetAccessRules('archive-full') });
    expect(pending.state).toBe('pendingValidation');
    expect(pending.consumerKey).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(pending.validationUrl).toMatch(new RegExp(`^${sandbox.origin}/auth/\\?credentialToken=`));
  });

  it('sends nothing when the request is invalid', async () => {
    sandbox.clearRequests();
    await expect(
      requestConsumerKey(appClient(), {
        accessRules: presetAccessRules('archive-read'),
        redirection: 'not a url',
        allowedIPs: ['203.0.113.0/24', '300.1.1.1', '2001:db8::/129'],
      }),
    ).rejects.toThrow(InvalidConsumerKeyRequestError);
    await expect(requestConsumerKey(appClient(), { accessRules: [] })).rejects.toThrow(/at least one rule/);
    expect(sandbox.requests()).toEqual([]);
  });
});

describe('waitForValidation against the validation page', () => {
  it('keeps polling while pending, then reports the validated key of the customer', async () => {
    const { client, outcome, polls, page } = await delegate({
      action: 'accept',
      login: customer.nichandle,
      password: customer.password,
      durationSeconds: 86400,
    });
    expect(page?.status).toBe(200);
    expect(polls[0]).toMatchObject({ attempt: 1, state: 'pending' });
    expect(outcome.status).toBe('validated');
    if (outcome.status !== 'validated') return;
    expect(outcome.credential.rules).toEqual(presetAccessRules('archive-read'));
    expect(
      Date.parse(outcome.credential.expiration!) - Date.parse(outcome.credential.creation),
    ).toBeGreaterThan(86_000_000);
    // The client now carries the new key: it reads the customer's account, within its rules.
    expect(await client.request<{ nichandle: string }>('GET', '/me')).toMatchObject({
      nichandle: customer.nichandle,
    });
    await expect(client.request('GET', '/me/api/credential')).rejects.toThrow(/not been granted/);
  });

  it('reports a refusal once the browser came back through the redirection', async () => {
    const { outcome, page } = await delegate({ action: 'refuse' }, { redirected: true });
    expect(page).toMatchObject({ status: 303, location: 'http://127.0.0.1:9/back' });
    expect(outcome).toEqual({ status: 'refused', reason: 'browser-returned' });
  });

  it('confirms with the server after the browser came back: an accepted key is validated', async () => {
    const { outcome } = await delegate(
      { action: 'accept', login: customer.nichandle, password: customer.password },
      { redirected: true },
    );
    expect(outcome.status).toBe('validated');
  });

  it('cannot see a refusal by polling alone (OVH answers the same 403): it times out', async () => {
    const { outcome, polls, page } = await delegate(
      { action: 'refuse' },
      { timeoutMs: 60_000, timeoutAfterPolls: 3 },
    );
    expect(page?.status).toBe(200);
    expect(outcome).toEqual({ status: 'timeout' });
    expect(polls).toHaveLength(3);
    expect(polls.every((poll) => poll.state === 'pending')).toBe(true);
  });

  it('rides out server faults while waiting, reporting them as retrying', async () => {
    const client = appClient();
    const pending = await requestConsumerKey(client, { accessRules: presetAccessRules('archive-read') });
    const polls: ValidationPollEvent[] = [];
    let accepted: Promise<unknown> | undefined;
    sandbox.setBehaviour({ faultRate: 1 });
    try {
      const outcome = await waitForValidation(client, {
        consumerKey: pending.consumerKey,
        interval: fastPolling,
        timeoutMs: 20_000,
        onPoll: (event) => {
          polls.push(event);
          if (event.state !== 'retrying' || accepted) return;
          sandbox.setBehaviour({ faultRate: 0 });
          accepted = answerValidationPage(pending.validationUrl, {
            action: 'accept',
            login: customer.nichandle,
            password: customer.password,
          });
        },
      });
      await accepted;
      expect(polls[0]?.state).toBe('retrying');
      expect(polls[0]?.error?.name).toMatch(/RateLimitedError|ServerError|NetworkError/);
      expect(outcome.status).toBe('validated');
    } finally {
      sandbox.setBehaviour({ faultRate: 0 });
    }
  });

  it('stops at once when aborted, with the signal reason', async () => {
    const client = appClient();
    const pending = await requestConsumerKey(client, { accessRules: presetAccessRules('archive-read') });
    const controller = new AbortController();
    const waiting = waitForValidation(client, {
      consumerKey: pending.consumerKey,
      interval: { initialMs: 60_000 },
      signal: controller.signal,
      onPoll: () => controller.abort(new Error('Ctrl-C')),
    });
    await expect(waiting).rejects.toThrow('Ctrl-C');
  });

  it('throws a wrong application secret at once instead of polling forever', async () => {
    const pending = await requestConsumerKey(appClient(), { accessRules: presetAccessRules('archive-read') });
    const wrong = appClient('0'.repeat(32));
    await expect(
      waitForValidation(wrong, {
        consumerKey: pending.consumerKey,
        interval: fastPolling,
        timeoutMs: 10_000,
      }),
    ).rejects.toBeInstanceOf(InvalidSignatureError);
  });
});

describe('current credential, logout, expiry, list and revoke', () => {
  it('shows the current key, and logout revokes it on the server', async () => {
    const { client, outcome } = await delegate({
      action: 'accept',
      login: sandbox.account.nichandle,
      password: sandbox.account.password,
    });
    if (outcome.status !== 'validated') throw new Error(`not validated: ${outcome.status}`);
    const current = await getCurrentCredential(client);
    expect(current).toMatchObject({
      credentialId: outcome.credential.credentialId,
      status: 'validated',
      expiration: null,
    });

    expect(await logout(client)).toBe('revoked');
    await expect(getCurrentCredential(client)).rejects.toBeInstanceOf(InvalidCredentialError);
    expect(await logout(client)).toBe('already-invalid');
    const { credentials } = await listCredentials(ownerClient());
    expect(credentials.find((c) => c.credentialId === current.credentialId)?.status).toBe('expired');
  });

  it('sees a key lapse after its validity (sandbox clock moved on an hour)', async () => {
    const { client, outcome } = await delegate({
      action: 'accept',
      login: sandbox.account.nichandle,
      password: sandbox.account.password,
      durationSeconds: 3600,
    });
    if (outcome.status !== 'validated') throw new Error(`not validated: ${outcome.status}`);
    try {
      sandbox.setBehaviour({ skewSeconds: 3601 });
      await expect(getCurrentCredential(client)).rejects.toBeInstanceOf(InvalidCredentialError);
      const { credentials } = await listCredentials(ownerClient());
      expect(credentials.find((c) => c.credentialId === outcome.credential.credentialId)?.status).toBe(
        'expired',
      );
    } finally {
      sandbox.setBehaviour({ skewSeconds: 0 });
    }
  });

  it("lists the account's keys with their application, and revokes one", async () => {
    const { client, outcome } = await delegate({
      action: 'accept',
      login: sandbox.account.nichandle,
      password: sandbox.account.password,
    });
    if (outcome.status !== 'validated') throw new Error(`not validated: ${outcome.status}`);
    const owner = ownerClient();
    const listed = await listCredentials(owner);
    expect(listed.failed).toEqual([]);
    const ids = listed.credentials.map((c) => c.credentialId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const mine = listed.credentials.find((c) => c.credentialId === outcome.credential.credentialId);
    expect(mine).toMatchObject({
      status: 'validated',
      application: { applicationKey: sandbox.applicationKey },
    });
    // Pending keys belong to no account yet; keys the customer validated are the customer's.
    expect(listed.credentials.every((c) => c.status !== 'pendingValidation')).toBe(true);

    await revokeCredential(owner, outcome.credential.credentialId);
    await expect(getCurrentCredential(client)).rejects.toBeInstanceOf(UnknownCredentialError);
    const after = await listCredentials(owner, { includeApplications: false });
    expect(after.credentials.map((c) => c.credentialId)).not.toContain(outcome.credential.credentialId);
    expect(after.credentials.every((c) => c.application === undefined)).toBe(true);
    sandbox.clearRequests();
    await expect(revokeCredential(owner, 0)).rejects.toThrow(RangeError);
    expect(sandbox.requests()).toEqual([]);
  });
});
