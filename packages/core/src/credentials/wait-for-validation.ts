import {
  InvalidCredentialError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnknownCredentialError,
} from '../client/errors.js';
import { type Clock, systemClock } from '../ports/index.js';
import type { ApiCredential } from './credential-types.js';
import type { CredentialsApiClient } from './credentials-api-client.js';
import { getCurrentCredential } from './current-credential.js';

export type ValidationOutcome =
  | { status: 'validated'; credential: ApiCredential }
  /**
   * `browser-returned`: the account holder's browser came back (validatedSignal) yet the key is not
   * valid; `credential-deleted`: OVH no longer knows the key.
   */
  | { status: 'refused'; reason: 'browser-returned' | 'credential-deleted' | 'status' }
  | { status: 'expired' }
  | { status: 'timeout' };

export interface ValidationPollEvent {
  attempt: number;
  elapsedMs: number;
  /** `pending` while OVH answers INVALID_CREDENTIAL; `retrying` after a transient network or server error. */
  state: 'pending' | 'retrying';
  /** Delay before the next check, ms. */
  nextDelayMs: number;
  error?: Error;
}

export interface PollInterval {
  /** First delay between checks; default 2 000 ms. */
  initialMs?: number;
  /** Upper bound of the delay; default 10 000 ms (OVH staff: under 60 calls a minute is safe). */
  maxMs?: number;
  /** Growth of the delay after each check; default 1.5. */
  factor?: number;
}

export interface WaitForValidationOptions {
  consumerKey: string;
  /** Overall limit; default 15 minutes. The outcome is then `timeout`. */
  timeoutMs?: number;
  /** Aborting rejects with the signal's reason and stops polling at once. */
  signal?: AbortSignal;
  interval?: PollInterval;
  onPoll?: (event: ValidationPollEvent) => void;
  /**
   * Settles when the account holder's browser comes back (the CLI's loopback listener caught the
   * redirection). The wait then checks at once: validated → `validated`, still not valid →
   * `refused`. A rejection is ignored and polling goes on.
   */
  validatedSignal?: PromiseLike<unknown>;
  clock?: Clock;
}

type Check =
  | { kind: 'done'; outcome: ValidationOutcome }
  | { kind: 'pending' }
  | { kind: 'transient'; error: Error };

/**
 * Polls `GET /auth/currentCredential` with the new consumer key until the account holder accepts
 * it. Sets the client's consumer key. OVH answers 403 INVALID_CREDENTIAL alike for pending,
 * refused and expired keys, so polling alone cannot see a refusal: it ends in `timeout`, unless
 * the browser came back through `validatedSignal` (the sandbox and OVH redirect after both).
 * Other API errors (wrong application secret, unknown application key) are thrown at once.
 */
export async function waitForValidation(
  client: CredentialsApiClient,
  options: WaitForValidationOptions,
): Promise<ValidationOutcome> {
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now();
  const deadline = startedAt + (options.timeoutMs ?? 15 * 60_000);
  const initialMs = options.interval?.initialMs ?? 2_000;
  const maxMs = Math.max(initialMs, options.interval?.maxMs ?? 10_000);
  const factor = Math.max(1, options.interval?.factor ?? 1.5);
  options.signal?.throwIfAborted();
  client.setConsumerKey(options.consumerKey);

  let browserReturned = false;
  const browserReturn = options.validatedSignal
    ? Promise.resolve(options.validatedSignal).then(
        () => {
          browserReturned = true;
        },
        () => new Promise<void>(() => {}),
      )
    : undefined;

  let delay = initialMs;
  for (let attempt = 1; ; attempt += 1) {
    const confirmingReturn = browserReturned;
    const check = await checkOnce(client, options.signal);
    if (check.kind === 'done') return check.outcome;
    if (confirmingReturn && check.kind === 'pending')
      return { status: 'refused', reason: 'browser-returned' };

    const remaining = deadline - clock.now();
    if (remaining <= 0) return { status: 'timeout' };
    const wait = Math.min(delay, remaining);
    options.onPoll?.({
      attempt,
      elapsedMs: clock.now() - startedAt,
      state: check.kind === 'pending' ? 'pending' : 'retrying',
      nextDelayMs: wait,
      ...(check.kind === 'transient' ? { error: check.error } : {}),
    });
    await pause(wait, options.signal, browserReturned ? undefined : browserReturn);
    delay = Math.min(maxMs, Math.round(delay * factor));
  }
}

async function checkOnce(client: CredentialsApiClient, signal: AbortSignal | undefined): Promise<Check> {
  try {
    const credential = await getCurrentCredential(client, signal ? { signal } : {});
    switch (credential.status) {
      case 'validated':
        return { kind: 'done', outcome: { status: 'validated', credential } };
      case 'refused':
        return { kind: 'done', outcome: { status: 'refused', reason: 'status' } };
      case 'expired':
        return { kind: 'done', outcome: { status: 'expired' } };
      default:
        return { kind: 'pending' };
    }
  } catch (error) {
    if (error instanceof InvalidCredentialError) return { kind: 'pending' };
    if (error instanceof UnknownCredentialError) {
      return { kind: 'done', outcome: { status: 'refused', reason: 'credential-deleted' } };
    }
    // The client has already retried these; a long wait should outlive a short outage.
    if (
      error instanceof NetworkError ||
      error instanceof ServerError ||
      error instanceof TimeoutError ||
      error instanceof RateLimitedError
    ) {
      signal?.throwIfAborted();
      return { kind: 'transient', error };
    }
    throw error;
  }
}

/** Waits `ms`, or less when the browser comes back; rejects with the signal's reason on abort. */
function pause(ms: number, signal: AbortSignal | undefined, early: Promise<void> | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(finish, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    early?.then(finish);
  });
}
