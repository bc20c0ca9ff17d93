// Public surface of the OVH API client (see docs/architecture.md, "Core client contract").
export type { GetManyItem, GetManyOptions, ObjectId } from './batch.js';
export { BATCH_CHUNK_SIZE } from './batch.js';
export type { OvhDebugEvent } from './debug-event.js';
export type { EndpointDomain, EndpointName } from './endpoints.js';
export {
  ENDPOINT_ALIASES,
  ENDPOINT_NAMES,
  ENDPOINTS,
  isEndpointName,
  joinEndpointPath,
  LEGACY_ENDPOINT_NAME,
  LEGACY_ENDPOINT_URL,
  resolveEndpoint,
} from './endpoints.js';
export type { OvhApiErrorInit, OvhApiErrorJson } from './errors.js';
export {
  BadParametersError,
  ConfigError,
  ConflictError,
  ForbiddenError,
  InvalidCredentialError,
  InvalidKeyError,
  InvalidResponseError,
  InvalidSignatureError,
  isOvhApiError,
  NetworkError,
  NotFoundError,
  NotGrantedError,
  OvhApiError,
  QueryTimeOutError,
  RateLimitedError,
  ServerError,
  ServiceExpiredError,
  TimeoutError,
  UnauthorizedError,
  UnknownCredentialError,
} from './errors.js';
export type { ListAllOptions } from './iceberg.js';
export { DEFAULT_PAGE_SIZE } from './iceberg.js';
export type { OvhClientOptions } from './ovh-client.js';
export { OvhClient } from './ovh-client.js';
export { checkHttpMethod, HTTP_METHODS } from './request-checks.js';
export type { HttpMethod, OvhRequester, OvhRequestOptions, OvhResponse } from './request-types.js';
export type { SignatureInput } from './signing.js';
export { signRequest } from './signing.js';
export type { QueryInput, QueryScalar, QueryValue } from './url-builder.js';
export { buildRequestUrl, encodeQuery, encodeSegment, path } from './url-builder.js';
