import type { OvhClient } from '../client/ovh-client.js';

/**
 * The part of `OvhClient` the credential functions use, so a test or the desktop's main process
 * can hand in anything with the same methods.
 */
export type CredentialsApiClient = Pick<OvhClient, 'request' | 'getMany' | 'setConsumerKey'>;
