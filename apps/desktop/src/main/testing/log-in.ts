import type { ProfileSummary } from '../../shared/ipc-types.js';
import { acceptValidation } from './accept-validation.js';
import type { DesktopTestKit } from './desktop-test-kit.js';

/** The whole first-run login against the kit's sandbox; resolves once main reports it validated. */
export async function logIn(
  kit: DesktopTestKit,
  profileName = 'work',
  preset = 'archive-full',
): Promise<ProfileSummary> {
  const started = (await kit.call('auth:startLogin', {
    profileName,
    endpoint: kit.sandbox.endpoint,
    applicationKey: kit.sandbox.applicationKey,
    applicationSecret: kit.sandbox.applicationSecret,
    preset,
  })) as { validationUrl: string };
  const validated = kit.events.next(
    'auth:statusChanged',
    (profile) => profile.name === profileName && profile.credentialStatus === 'validated',
  );
  await acceptValidation(started.validationUrl, kit.sandbox.account);
  return validated;
}
