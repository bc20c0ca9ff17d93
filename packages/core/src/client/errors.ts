/**
 * Typed errors of the OVH API client. Every error of a call is an `OvhApiError` subclass chosen by
 * OVH's errorCode, then its error class, then the HTTP status (see `error-from-response.ts`).
 * Messages read well for a human, carry the query id OVH support asks for, and never a secret.
 */

const OVH_API_ERROR_BRAND = Symbol.for('@ovh-pca/core:OvhApiError');

export interface OvhApiErrorInit {
  /** HTTP status; 0 when no answer was received (network failure, timeout). */
  status: number;
  method: string;
  /** Path below the endpoint, without the query string (`/cloud/pp-1/pca`). */
  path: string;
  /** What went wrong, without the call context (added to `message`). */
  reason: string;
  errorCode?: string | undefined;
  errorClass?: string | undefined;
  queryId?: string | undefined;
  details?: unknown;
  cause?: unknown;
}

/** Plain-object form of an error, for IPC and `--json` output. */
export interface OvhApiErrorJson {
  name: string;
  message: string;
  reason: string;
  status: number;
  method: string;
  path: string;
  errorCode?: string;
  errorClass?: string;
  queryId?: string;
  details?: unknown;
  retryAfterSeconds?: number;
  connectionRefused?: boolean;
}

function describeCall(init: OvhApiErrorInit): string {
  const context = init.queryId
    ? `${init.method} ${init.path}, query id ${init.queryId}`
    : `${init.method} ${init.path}`;
  return `${init.reason} (${context})`;
}

export class OvhApiError extends Error {
  override readonly name: string = 'OvhApiError';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly reason: string;
  readonly errorCode: string | undefined;
  readonly errorClass: string | undefined;
  readonly queryId: string | undefined;
  readonly details: unknown;

  constructor(init: OvhApiErrorInit) {
    super(describeCall(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.reason = init.reason;
    this.errorCode = init.errorCode;
    this.errorClass = init.errorClass;
    this.queryId = init.queryId;
    this.details = init.details;
    Object.defineProperty(this, OVH_API_ERROR_BRAND, { value: true });
  }

  toJSON(): OvhApiErrorJson {
    const json: OvhApiErrorJson = {
      name: this.name,
      message: this.message,
      reason: this.reason,
      status: this.status,
      method: this.method,
      path: this.path,
    };
    if (this.errorCode !== undefined) json.errorCode = this.errorCode;
    if (this.errorClass !== undefined) json.errorClass = this.errorClass;
    if (this.queryId !== undefined) json.queryId = this.queryId;
    if (this.details !== undefined) json.details = this.details;
    return json;
  }
}

/** True for any client error, also across duplicated copies of this module (brand, not only instanceof). */
export function isOvhApiError(value: unknown): value is OvhApiError {
  return (
    value instanceof OvhApiError ||
    (typeof value === 'object' && value !== null && OVH_API_ERROR_BRAND in value)
  );
}

/** 403 without a more specific code; parent of the 403 errors below. */
export class ForbiddenError extends OvhApiError {
  override readonly name: string = 'ForbiddenError';
}
/** 403 INVALID_KEY: the application key is unknown or disabled. */
export class InvalidKeyError extends ForbiddenError {
  override readonly name: string = 'InvalidKeyError';
}
/** 403 NOT_CREDENTIAL: the consumer key does not exist (for this application). */
export class UnknownCredentialError extends ForbiddenError {
  override readonly name: string = 'UnknownCredentialError';
}
/** 403 INVALID_CREDENTIAL: the consumer key is pending validation, refused or expired. */
export class InvalidCredentialError extends ForbiddenError {
  override readonly name: string = 'InvalidCredentialError';
}
/** 403 NOT_GRANTED_CALL: the route is outside the consumer key's access rules. */
export class NotGrantedError extends ForbiddenError {
  override readonly name: string = 'NotGrantedError';
}

/** 400 Client::BadRequest: a parameter or the body was refused. Parent of the 400 auth errors. */
export class BadParametersError extends OvhApiError {
  override readonly name: string = 'BadParametersError';
}
/** 400 INVALID_SIGNATURE: wrong application secret, or the signed URL/body differs from what was sent. */
export class InvalidSignatureError extends BadParametersError {
  override readonly name: string = 'InvalidSignatureError';
}
/** 400 QUERY_TIME_OUT: the signed timestamp is too far from the server clock. */
export class QueryTimeOutError extends BadParametersError {
  override readonly name: string = 'QueryTimeOutError';
}

/** 401: authentication headers missing. */
export class UnauthorizedError extends OvhApiError {
  override readonly name: string = 'UnauthorizedError';
}
/** 404 Client::NotFound. */
export class NotFoundError extends OvhApiError {
  override readonly name: string = 'NotFoundError';
}
/** 409 Client::Conflict. */
export class ConflictError extends OvhApiError {
  override readonly name: string = 'ConflictError';
}
/** 460: the service has expired. */
export class ServiceExpiredError extends OvhApiError {
  override readonly name: string = 'ServiceExpiredError';
}

/** 429: too many requests; `retryAfterSeconds` from the Retry-After header when present. */
export class RateLimitedError extends OvhApiError {
  override readonly name: string = 'RateLimitedError';
  readonly retryAfterSeconds: number | undefined;

  constructor(init: OvhApiErrorInit & { retryAfterSeconds?: number | undefined }) {
    super(init);
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  override toJSON(): OvhApiErrorJson {
    const json = super.toJSON();
    if (this.retryAfterSeconds !== undefined) json.retryAfterSeconds = this.retryAfterSeconds;
    return json;
  }
}

/** 5xx answered by the API or a proxy in front of it. */
export class ServerError extends OvhApiError {
  override readonly name: string = 'ServerError';
}

/** No answer: DNS, refused or reset connection. `connectionRefused` means the call never reached a server. */
export class NetworkError extends OvhApiError {
  override readonly name: string = 'NetworkError';
  readonly connectionRefused: boolean;

  constructor(init: Omit<OvhApiErrorInit, 'status'> & { connectionRefused: boolean }) {
    super({ ...init, status: 0 });
    this.connectionRefused = init.connectionRefused;
  }

  override toJSON(): OvhApiErrorJson {
    return { ...super.toJSON(), connectionRefused: this.connectionRefused };
  }
}

/** The attempt took longer than the client's timeout. */
export class TimeoutError extends OvhApiError {
  override readonly name: string = 'TimeoutError';
}

/** A successful status with a body that is not the JSON expected. */
export class InvalidResponseError extends OvhApiError {
  override readonly name: string = 'InvalidResponseError';
}

/** Bad client configuration (endpoint, missing keys, unusable path); thrown before anything is sent. */
export class ConfigError extends Error {
  override readonly name: string = 'ConfigError';

  constructor(message: string) {
    super(message);
  }
}
