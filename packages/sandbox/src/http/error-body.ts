/**
 * OVH answers errors in two shapes ({errorCode, httpCode, message} and {class, message, details});
 * the sandbox merges them so clients that read either shape are exercised.
 */
import { STATUS_CODES } from 'node:http';
import type { SandboxHttpError } from './route-types.js';

export interface OvhErrorBody {
  errorCode?: string;
  httpCode: string;
  message: string;
  class?: string;
  /** Strings only: go-ovh decodes `details` as map[string]string, else shows the raw body as message. */
  details?: Record<string, string>;
}

// OVH-specific status: a call on a service whose subscription has lapsed.
const OVH_STATUS_TEXT: Record<number, string> = { 460: 'Expired Service' };

export function httpCodeText(status: number): string {
  return `${status} ${OVH_STATUS_TEXT[status] ?? STATUS_CODES[status] ?? 'Unknown'}`;
}

export function errorBody(error: SandboxHttpError): OvhErrorBody {
  const body: OvhErrorBody = {
    ...(error.errorCode && { errorCode: error.errorCode }),
    httpCode: httpCodeText(error.status),
    message: error.message,
    ...(error.errorClass && { class: error.errorClass }),
  };
  if (error.details) body.details = error.details;
  return body;
}
