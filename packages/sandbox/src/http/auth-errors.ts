/** The authentication failures of the reference doc (§5), with OVH's exact codes and messages. */
import { SandboxHttpError } from './route-types.js';

export const unauthorized = () => new SandboxHttpError(401, 'You must login first', 'Client::Unauthorized');

export const invalidKey = () =>
  new SandboxHttpError(403, 'This application key is invalid', 'Client::Forbidden', 'INVALID_KEY');

export const invalidSignature = () =>
  new SandboxHttpError(400, 'Invalid signature', 'Client::BadRequest', 'INVALID_SIGNATURE');

export const unknownCredential = () =>
  new SandboxHttpError(403, 'This credential does not exist', 'Client::Forbidden', 'NOT_CREDENTIAL');

export const invalidCredential = () =>
  new SandboxHttpError(403, 'This credential is not valid', 'Client::Forbidden', 'INVALID_CREDENTIAL');

export const notGranted = () =>
  new SandboxHttpError(403, 'This call has not been granted', 'Client::Forbidden', 'NOT_GRANTED_CALL');

// OVH's wording is unpublished (doc §5 marks the case inferred).
export const queryTimeOut = () =>
  new SandboxHttpError(400, 'Query out of time', 'Client::BadRequest', 'QUERY_TIME_OUT');
