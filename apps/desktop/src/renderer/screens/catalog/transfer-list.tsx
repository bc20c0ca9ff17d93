import { useTranslation } from 'react-i18next';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { useLiveTransfers } from '../../data/live-transfers.js';
import { formatBytes } from '../../format/format-bytes.js';

/** The window's transfers with their progress; a running one can be cancelled. */
export function TransferList() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const transfers = useLiveTransfers();
  if (transfers.length === 0) return null;
  const locale = i18n.language;
  return (
    <section className="transfers" aria-label={t('transfers.title')}>
      <h3>{t('transfers.title')}</h3>
      <ul>
        {transfers.map((transfer) => {
          const name = transfer.archive.name;
          const title =
            transfer.direction === 'download'
              ? t('transfers.download', { name })
              : t('transfers.upload', { name });
          return (
            <li key={transfer.transferId} className="transfer" data-transfer-state={transfer.state}>
              <div className="transfer-line">
                <strong>{title}</strong>
                <span className={`badge transfer-${transfer.state}`}>
                  {t(`transfers.state.${transfer.state}`)}
                </span>
                {transfer.state === 'running' && (
                  <button
                    type="button"
                    aria-label={t('transfers.cancelLabel', { name: title })}
                    onClick={() =>
                      void bridgeCall(bridge.transfers.cancel, { transferId: transfer.transferId })
                    }
                  >
                    {t('transfers.cancel')}
                  </button>
                )}
              </div>
              <progress
                max={Math.max(transfer.totalBytes, 1)}
                value={transfer.state === 'done' ? Math.max(transfer.totalBytes, 1) : transfer.doneBytes}
                aria-label={title}
              />
              <span className="muted">
                {t('transfers.progress', {
                  done: formatBytes(transfer.doneBytes, locale),
                  total: formatBytes(transfer.totalBytes, locale),
                  files: transfer.doneFiles,
                  count: transfer.totalFiles,
                })}
                {transfer.state === 'running' && transfer.current
                  ? ` · ${t('transfers.current', { name: transfer.current })}`
                  : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
