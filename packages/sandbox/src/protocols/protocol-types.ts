/**
 * The contract between a protocol entry point (Keystone, Swift; S3 in part 2) and the listener that
 * serves it. Unlike API v1 routes, a protocol handler sees the request stream (uploads are never
 * buffered) and may answer a stream (downloads are never buffered either).
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { RequestProtocol } from '../http/request-log.js';
import type { RouteContext } from '../http/route-types.js';

export interface ProtocolRequest {
  method: string;
  rawPath: string;
  query: URLSearchParams;
  /** The query string as sent, without `?` (S3 signs it). */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** The body, unread: handlers stream it or leave it. */
  body: IncomingMessage;
  /** `http://HOST:PORT` as the client addressed this listener. */
  origin: string;
  requestId: string;
}

export interface ProtocolAnswer {
  status: number;
  headers?: Record<string, string | number>;
  /** Text, bytes, or a stream of exactly `headers['Content-Length']` bytes. */
  body?: string | Buffer | Readable;
}

export interface ProtocolEntryPoint {
  protocol: Exclude<RequestProtocol, 'ovh'>;
  /** Swift has one entry point per region. */
  region?: string;
  /** A request id shaped as the protocol's (`tx…` for Swift), and the headers that carry it. */
  requestId(): string;
  requestIdHeaders(id: string): Record<string, string>;
  handle(request: ProtocolRequest, ctx: RouteContext): Promise<ProtocolAnswer>;
  /** How this protocol answers a status with no more to say (faults, crashes). */
  errorAnswer(status: number): ProtocolAnswer;
}
