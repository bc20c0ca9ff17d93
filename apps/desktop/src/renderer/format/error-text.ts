import type { TFunction } from 'i18next';
import type { ErrorCode } from '../../shared/ipc-contract.js';
import { isBridgeError } from '../bridge/bridge-error.js';

export function errorCodeOf(error: unknown): ErrorCode {
  return isBridgeError(error) ? error.code : 'internal';
}

/** One line for a toast: what happened, what to do, and the OVH query id when there is one. */
export function errorSummary(t: TFunction, error: unknown): string {
  const code = errorCodeOf(error);
  const text = `${t(`errors.${code}.what`)} ${t(`errors.${code}.todo`)}`;
  return isBridgeError(error) && error.queryId
    ? `${text} ${t('common.queryId', { queryId: error.queryId })}`
    : text;
}
