import { describe, expect, it } from 'vitest';
import { errorFromResponse, parseRetryAfterSeconds } from './error-from-response.js';
import {
  BadParametersError,
  ConflictError,
  ForbiddenError,
  InvalidCredentialError,
  InvalidKeyError,
  InvalidSignatureError,
  isOvhApiError,
  NotFoundError,
  NotGrantedError,
  OvhApiError,
  QueryTimeOutError,
  RateLimitedError,
  ServerError,
  ServiceExpiredError,
  UnauthorizedError,
  UnknownCredentialError,
} from './errors.js';

const call = {
  method: 'GET',
  path: '/me',
  queryId: 'EU.ext-3.63ac85b6.10528.27b4f1fc',
  retryAfter: null,
  nowMs: 0,
};

function answer(status: number, body: unknown, statusText = '') {
  return errorFromResponse({ ...call, status, statusText, bodyText: JSON.stringify(body) });
}

describe('errorFromResponse', () => {
  it.each([
    [403, 'INVALID_KEY', 'This application key is invalid', InvalidKeyError],
    [400, 'INVALID_SIGNATURE', 'Invalid signature', InvalidSignatureError],
    [403, 'NOT_CREDENTIAL', 'This credential does not exist', UnknownCredentialError],
    [403, 'INVALID_CREDENTIAL', 'This credential is not valid', InvalidCredentialError],
    [403, 'NOT_GRANTED_CALL', 'This call has not been granted', NotGrantedError],
    [400, 'QUERY_TIME_OUT', 'Query out of time', QueryTimeOutError],
  ])('maps %i %s (errorCode shape)', (status, errorCode, message, ErrorType) => {
    const error = answer(status, { errorCode, httpCode: `${status} Whatever`, message });
    expect(error).toBeInstanceOf(ErrorType);
    expect(error).toBeInstanceOf(OvhApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ status, errorCode, method: 'GET', path: '/me', queryId: call.queryId });
    expect(error.message).toBe(`${message} (GET /me, query id ${call.queryId})`);
    expect(error.name).toBe(ErrorType.name);
  });

  it.each([
    [401, 'Client::Unauthorized', UnauthorizedError],
    [404, 'Client::NotFound', NotFoundError],
    [400, 'Client::BadRequest', BadParametersError],
    [409, 'Client::Conflict', ConflictError],
    [403, 'Client::Forbidden', ForbiddenError],
    [500, 'Server::InternalServerError', ServerError],
  ])('maps %i %s (class shape)', (status, errorClass, ErrorType) => {
    const error = answer(status, { class: errorClass, message: 'Something', details: { a: 1 } });
    expect(error).toBeInstanceOf(ErrorType);
    expect(error.errorClass).toBe(errorClass);
    expect(error.details).toEqual({ a: 1 });
  });

  it('maps the 403 codes under ForbiddenError and the 400 codes under BadParametersError', () => {
    expect(answer(403, { errorCode: 'NOT_GRANTED_CALL', message: 'x' })).toBeInstanceOf(ForbiddenError);
    expect(answer(400, { errorCode: 'INVALID_SIGNATURE', message: 'x' })).toBeInstanceOf(BadParametersError);
  });

  it.each([
    [404, NotFoundError],
    [409, ConflictError],
    [460, ServiceExpiredError],
    [502, ServerError],
    [503, ServerError],
    [418, OvhApiError],
  ])('falls back on the status %i when the body is not OVH JSON', (status, ErrorType) => {
    const error = errorFromResponse({
      ...call,
      status,
      statusText: 'Bad Gateway',
      bodyText: '<html>proxy</html>',
    });
    expect(error.constructor).toBe(ErrorType);
    expect(error.message).toBe(`HTTP ${status} Bad Gateway (GET /me, query id ${call.queryId})`);
  });

  it('reads Retry-After on 429 in seconds or as a date', () => {
    const seconds = errorFromResponse({
      ...call,
      status: 429,
      statusText: '',
      bodyText: '',
      retryAfter: '7',
    });
    expect(seconds).toBeInstanceOf(RateLimitedError);
    expect((seconds as RateLimitedError).retryAfterSeconds).toBe(7);
    expect(parseRetryAfterSeconds('Thu, 01 Jan 1970 00:00:10 GMT', 1_000)).toBe(9);
    expect(parseRetryAfterSeconds('soon', 0)).toBeUndefined();
    expect(parseRetryAfterSeconds(null, 0)).toBeUndefined();
  });

  it('leaves the query id out of the message when there is none', () => {
    const error = errorFromResponse({
      ...call,
      queryId: undefined,
      status: 404,
      statusText: '',
      bodyText: '',
    });
    expect(error.message).toBe('HTTP 404 (GET /me)');
  });

  it('serialises to a plain object and is recognised by the guard', () => {
    const error = answer(429, { message: 'Slow down' });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toEqual({
      name: 'RateLimitedError',
      message: `Slow down (GET /me, query id ${call.queryId})`,
      reason: 'Slow down',
      status: 429,
      method: 'GET',
      path: '/me',
      queryId: call.queryId,
    });
    expect(isOvhApiError(error)).toBe(true);
    expect(isOvhApiError(new Error('x'))).toBe(false);
    expect(isOvhApiError(json)).toBe(false);
  });
});
