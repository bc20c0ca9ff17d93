import { useTranslation } from 'react-i18next';
import { isBridgeError } from '../bridge/bridge-error.js';
import { errorCodeOf } from '../format/error-text.js';

/** What happened, what to do, and the OVH query id support asks for. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = errorCodeOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="notice notice-error" role="alert" data-error-code={code}>
      <p className="notice-title">{t(`errors.${code}.what`)}</p>
      <p>{t(`errors.${code}.todo`)}</p>
      <p className="notice-detail">{detail}</p>
      {isBridgeError(error) && error.queryId && (
        <p className="notice-detail">{t('common.queryId', { queryId: error.queryId })}</p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
