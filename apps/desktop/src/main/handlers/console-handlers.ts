import { isOvhApiError, type OvhApiError } from '@ovh-pca/core';
import { DesktopError } from '../ipc/desktop-error.js';
import type { IpcHandlers } from '../ipc/ipc-dispatcher.js';
import { maskSecrets } from '../ipc/serialise-error.js';
import type { ProfileSessions } from '../services/profile-sessions.js';
import { readApiIndex, readApiSchema } from './api-schema-document.js';
import { redactSecretFields } from './redact-secret-fields.js';

/** An API error as the console shows it: OVH's own body fields. */
function errorBody(error: OvhApiError): Record<string, unknown> {
  return {
    message: error.reason,
    ...(error.errorCode !== undefined && { errorCode: error.errorCode }),
    ...(error.errorClass !== undefined && { class: error.errorClass }),
    ...(error.details !== undefined && { details: error.details }),
  };
}

function parseBody(body: string | null): unknown {
  if (body === null || body.trim() === '') return undefined;
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new DesktopError('badArguments', `The body is not valid JSON: ${(error as Error).message}`, 'body');
  }
}

/** The API console (seed 002): schema documents for completion, and calls signed by main. */
export function createConsoleHandlers(
  sessions: ProfileSessions,
  now: () => number = () => performance.now(),
): Pick<IpcHandlers, 'console:listApis' | 'console:getSchema' | 'console:call'> {
  // Answers pass through as JSON, minus secret fields; should one echo a secret main holds
  // anywhere else, it is masked too.
  const masked = (value: unknown) => {
    const text = JSON.stringify(redactSecretFields(value ?? null));
    return JSON.parse(maskSecrets(text, sessions.knownSecrets()));
  };

  return {
    'console:listApis': async () => {
      const { client } = await sessions.connection();
      return { apis: readApiIndex(await client.request('GET', '/', { signed: false })) };
    },
    'console:getSchema': async ({ api }) => {
      const { client } = await sessions.connection();
      return readApiSchema(api, await client.request('GET', `${api}.json`, { signed: false }));
    },
    'console:call': async ({ method, path, query, body, confirmed }) => {
      if (method !== 'GET' && !confirmed) {
        throw new DesktopError(
          'confirmationRequired',
          `${method} changes data: confirm it first`,
          'confirmed',
        );
      }
      const parsedBody = parseBody(body);
      const { client } = await sessions.connection();
      const startedAt = now();
      try {
        const answer = await client.requestWithMeta(method, path, {
          query,
          ...(parsedBody !== undefined && { body: parsedBody }),
        });
        return {
          status: answer.status,
          ok: true,
          queryId: answer.queryId ?? null,
          durationMs: now() - startedAt,
          body: masked(answer.data),
        };
      } catch (error) {
        // An answer from the API, even an error, is what the console shows; no answer is an error.
        if (!isOvhApiError(error) || error.status === 0) throw error;
        return {
          status: error.status,
          ok: false,
          queryId: error.queryId ?? null,
          durationMs: now() - startedAt,
          body: masked(errorBody(error)),
        };
      }
    },
  };
}
