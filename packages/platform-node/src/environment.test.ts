import { describe, expect, it } from 'vitest';
import { InvalidEnvironmentError, readEnvironment } from './environment.js';

describe('readEnvironment', () => {
  it('reads the OVH_* variables and the config directory override', () => {
    expect(
      readEnvironment({
        OVH_ENDPOINT: 'ovh-ca',
        OVH_APPLICATION_KEY: 'AK',
        OVH_APPLICATION_SECRET: 'AS',
        OVH_CONSUMER_KEY: 'CK',
        OVH_PROFILE: 'acme',
        OVH_PCA_CONFIG_DIR: '/tmp/cfg',
        UNRELATED: 'x',
      }),
    ).toEqual({
      ovh: {
        endpoint: 'ovh-ca',
        applicationKey: 'AK',
        applicationSecret: 'AS',
        consumerKey: 'CK',
        profile: 'acme',
      },
      configDirectory: '/tmp/cfg',
    });
  });

  it('treats empty variables as unset', () => {
    expect(readEnvironment({ OVH_ENDPOINT: '', OVH_CONSUMER_KEY: '' })).toEqual({ ovh: {} });
  });

  it('accepts endpoint URLs, loopback http included', () => {
    expect(readEnvironment({ OVH_ENDPOINT: 'http://127.0.0.1:4567/1.0' }).ovh.endpoint).toBe(
      'http://127.0.0.1:4567/1.0',
    );
  });

  it.each([
    [{ OVH_ENDPOINT: 'ovh-mars' }, 'OVH_ENDPOINT'],
    [{ OVH_ENDPOINT: 'http://example.com/1.0' }, 'OVH_ENDPOINT'],
    [{ OVH_PROFILE: '../etc' }, 'OVH_PROFILE'],
    [{ OVH_PCA_CONFIG_DIR: 'relative/dir' }, 'OVH_PCA_CONFIG_DIR'],
    [{ OVH_APPLICATION_KEY: 'AK\n' }, 'OVH_APPLICATION_KEY'],
  ])('refuses %j, naming %s', (env, variable) => {
    expect(() => readEnvironment(env)).toThrow(InvalidEnvironmentError);
    expect(() => readEnvironment(env)).toThrow(new RegExp(`^Invalid ${variable}: `));
  });

  it.each(['OVH_APPLICATION_SECRET', 'OVH_CONSUMER_KEY', 'OVH_APPLICATION_KEY'])(
    'refuses a control character in %s (it would be signed and sent)',
    (variable) => {
      expect(() => readEnvironment({ [variable]: 'abc\u0001def' })).toThrow(InvalidEnvironmentError);
    },
  );

  it('never quotes a secret it refuses', () => {
    const secret = 'sEcReTvAlUe123 ';
    for (const variable of ['OVH_APPLICATION_SECRET', 'OVH_CONSUMER_KEY']) {
      const error = (() => {
        try {
          readEnvironment({ [variable]: secret });
        } catch (caught) {
          return caught as Error;
        }
      })();
      expect(error?.message).toBe(
        `Invalid ${variable}: contains whitespace, control or non-ASCII characters (a stray newline or space when pasting?).`,
      );
      expect(JSON.stringify(error)).not.toContain('sEcReT');
    }
  });
});
