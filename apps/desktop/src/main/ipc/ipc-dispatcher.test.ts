import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc-channels.js';
import { DesktopError } from './desktop-error.js';
import { createIpcDispatcher, type IpcHandlers } from './ipc-dispatcher.js';
import { APP_ORIGIN, createSenderCheck } from './trusted-sender.js';

const SECRET = 'AppSecretValue0123456789';
const trusted = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true };

function handlersWith(overrides: Partial<IpcHandlers>): IpcHandlers {
  const all = {} as Record<string, unknown>;
  for (const channel of INVOKE_CHANNELS) {
    all[channel] = () => {
      throw new Error(`${channel} not expected in this test`);
    };
  }
  return { ...(all as IpcHandlers), ...overrides };
}

function dispatcherWith(overrides: Partial<IpcHandlers>, log: string[] = []) {
  return createIpcDispatcher({
    handlers: handlersWith(overrides),
    isTrustedSender: createSenderCheck(),
    knownSecrets: () => [SECRET],
    log: (line) => log.push(line),
  });
}

describe('ipc dispatcher', () => {
  it('runs the handler with the validated input and returns its answer', async () => {
    const seen: unknown[] = [];
    const dispatch = dispatcherWith({
      'profiles:switch': (input) => {
        seen.push(input);
        return {
          name: input.name,
          endpoint: 'ovh-eu',
          access: 'archive-read',
          hasCredential: true,
          credentialStatus: 'validated',
          account: 'ab123-ovh',
          isTrial: false,
          validationUrl: null,
        };
      },
    });
    const result = await dispatch('profiles:switch', trusted, { name: 'work' });
    expect(seen).toEqual([{ name: 'work' }]);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ name: 'work', account: 'ab123-ovh' }),
    });
  });

  it('refuses a sender from another origin or an iframe without running the handler', async () => {
    let calls = 0;
    const log: string[] = [];
    const dispatch = dispatcherWith(
      {
        'profiles:list': () => {
          calls += 1;
          return { active: null, profiles: [] };
        },
      },
      log,
    );
    const fromWeb = await dispatch('profiles:list', { url: 'https://evil.example/', isMainFrame: true }, {});
    const fromFrame = await dispatch(
      'profiles:list',
      { url: `${APP_ORIGIN}/index.html`, isMainFrame: false },
      {},
    );
    const fromFile = await dispatch(
      'profiles:list',
      { url: 'file:///tmp/index.html', isMainFrame: true },
      {},
    );
    for (const result of [fromWeb, fromFrame, fromFile]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'untrustedSender' } });
    }
    expect(calls).toBe(0);
    expect(log.some((line) => line.includes('https://evil.example'))).toBe(true);
  });

  it('refuses bad arguments with the field at fault, before the handler runs', async () => {
    let calls = 0;
    const dispatch = dispatcherWith({
      'archive:listFiles': () => {
        calls += 1;
        return [];
      },
    });
    const badId = await dispatch('archive:listFiles', trusted, {
      serviceId: 'pp/pca',
      sessionId: '../../me',
    });
    expect(badId).toMatchObject({ ok: false, error: { code: 'badArguments', field: 'sessionId' } });
    const extraKey = await dispatch('archive:listFiles', trusted, {
      serviceId: 'pp/pca',
      sessionId: 'a'.repeat(24),
      path: '/etc/passwd',
    });
    expect(extraKey).toMatchObject({ ok: false, error: { code: 'badArguments' } });
    const notAnObject = await dispatch('archive:listFiles', trusted, 'pp/pca');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'badArguments' } });
    expect(calls).toBe(0);
  });

  it('refuses a channel outside the contract', async () => {
    const dispatch = dispatcherWith({});
    // biome-ignore lint/suspicious/noExplicitAny: simulating a forged channel name
    const result = await dispatch('fs:readFile' as any, trusted, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'badArguments', message: 'Unknown channel' } });
  });

  it('serialises thrown errors as plain data with the OVH query id and without secrets', async () => {
    class NotGrantedError extends Error {
      override name = 'NotGrantedError';
      status = 403;
      queryId = 'EU.ext-3.63ac85b6.10528.27b4f1fc';
    }
    const dispatch = dispatcherWith({
      'archive:listServices': () => {
        throw new NotGrantedError(`This call has not been granted (key ${SECRET})`);
      },
    });
    const result = await dispatch('archive:listServices', trusted, {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'notGranted',
        message: 'This call has not been granted (key ***)',
        queryId: 'EU.ext-3.63ac85b6.10528.27b4f1fc',
        status: 403,
        field: null,
      },
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('masks secrets from unexpected errors in answers and in the log', async () => {
    const log: string[] = [];
    const dispatch = dispatcherWith(
      {
        'archive:getUsage': () => {
          throw new TypeError(`cannot read ${SECRET}`);
        },
      },
      log,
    );
    const result = await dispatch('archive:getUsage', trusted, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: 'cannot read ***' } });
    expect(log.join('\n')).toContain('archive:getUsage failed');
    expect(log.join('\n')).not.toContain(SECRET);
  });

  it('keeps the code of errors main raises itself', async () => {
    const dispatch = dispatcherWith({
      'archive:getUsage': () => {
        throw new DesktopError('noProfile', 'No profile yet: log in first');
      },
    });
    expect(await dispatch('archive:getUsage', trusted, {})).toMatchObject({
      ok: false,
      error: { code: 'noProfile', message: 'No profile yet: log in first' },
    });
  });

  it('strips fields a handler adds beyond the contract from its answer', async () => {
    const dispatch = dispatcherWith({
      'auth:refreshStatus': () =>
        ({
          name: 'work',
          endpoint: 'ovh-eu',
          access: 'archive-read',
          hasCredential: true,
          credentialStatus: 'validated',
          account: 'ab123-ovh',
          isTrial: false,
          validationUrl: null,
          consumerKey: SECRET,
        }) as never,
    });
    const result = await dispatch('auth:refreshStatus', trusted, {});
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('turns an answer outside the contract into an internal error', async () => {
    const log: string[] = [];
    const dispatch = dispatcherWith({ 'archive:listServices': () => [{ id: 42 }] as never }, log);
    const result = await dispatch('archive:listServices', trusted, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log.join('\n')).toContain('outside its contract');
  });
});

describe('keychain failures', () => {
  it('say the keychain is unavailable and pass on what to do', async () => {
    const { KeychainUnavailableError } = await import('@ovh-pca/core');
    const dispatch = dispatcherWith({
      'profiles:list': () => {
        throw new KeychainUnavailableError(
          'locked',
          'The keyring is locked.',
          'Unlock it in Passwords and Keys.',
        );
      },
    });
    expect(await dispatch('profiles:list', trusted, {})).toMatchObject({
      ok: false,
      error: {
        code: 'keychainUnavailable',
        message: 'The keyring is locked. Unlock it in Passwords and Keys.',
      },
    });
  });
});
