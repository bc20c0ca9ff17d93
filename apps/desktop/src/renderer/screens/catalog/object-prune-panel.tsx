import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveRef, ObjectPrunePreview } from '../../../shared/ipc-types.js';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorNotice } from '../../components/error-notice.js';
import { TextField } from '../../components/text-field.js';
import { useActiveProfile } from '../../data/active-profile.js';
import { queryKeys } from '../../data/query-keys.js';
import { formatBytes } from '../../format/format-bytes.js';
import { formatDateTime, formatShortDateTime } from '../../format/format-date.js';

/** Rows drawn in the preview list; the summary always counts them all. */
const PREVIEW_ROWS = 200;

/** Retention of one archive's objects: an age, a preview of exactly what goes, then that very plan. */
export function ObjectPrunePanel({
  archive,
  prefix,
  onClose,
}: {
  archive: ArchiveRef;
  prefix: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const bridge = useBridge();
  const profile = useActiveProfile();
  const queryClient = useQueryClient();
  const id = useId();
  const [days, setDays] = useState(180);
  const [keepNewest, setKeepNewest] = useState(0);
  const [confirming, setConfirming] = useState(false);

  const preview = useMutation({
    mutationFn: () =>
      bridgeCall(bridge.archives.previewPrune, {
        archive,
        olderThanSeconds: days * 86_400,
        keepNewest,
        ...(prefix && { prefix }),
      }),
  });
  const prune = useMutation({
    mutationFn: (plan: ObjectPrunePreview) => bridgeCall(bridge.archives.prune, { planId: plan.planId }),
    onSettled: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.objects(profile.name, archive) });
      void queryClient.invalidateQueries({ queryKey: [profile.name, 'archives'] });
    },
  });
  const plan = preview.data;
  const size = plan ? formatBytes(plan.totalBytes, locale) : '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    prune.reset();
    preview.mutate();
  };

  return (
    <section className="card prune-panel" aria-labelledby={`${id}-title`}>
      <div className="panel-header">
        <h3 id={`${id}-title`}>{t('objectPrune.title')}</h3>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <p>{prefix ? t('objectPrune.introPrefix', { prefix }) : t('objectPrune.intro')}</p>
      <form className="inline-form" onSubmit={submit}>
        <TextField
          label={t('objectPrune.days')}
          name="days"
          type="number"
          min={1}
          max={36500}
          required
          value={days}
          onChange={(event) => setDays(Number(event.target.value))}
        />
        <TextField
          label={t('prune.keepNewest')}
          hint={t('objectPrune.keepNewestHint')}
          name="keepNewest"
          type="number"
          min={0}
          value={keepNewest}
          onChange={(event) => setKeepNewest(Number(event.target.value))}
        />
        <button type="submit" disabled={preview.isPending}>
          {preview.isPending ? t('prune.previewing') : t('prune.preview')}
        </button>
      </form>
      {preview.isError && <ErrorNotice error={preview.error} />}
      {plan && (
        <div className="prune-preview" aria-live="polite">
          <p className="prune-summary" data-testid="object-prune-summary">
            {plan.objects.length === 0
              ? t('objectPrune.nothing')
              : t('objectPrune.summary', {
                  count: plan.objects.length,
                  deletes: plan.deleteCount,
                  size,
                  cutoff: formatDateTime(plan.cutoff, locale),
                })}
          </p>
          {plan.objects.length > 0 &&
            plan.costs?.map((cost) => (
              <p key={cost} className="prune-cost" data-testid="object-prune-cost">
                {cost}
              </p>
            ))}
          {plan.objects.length > 0 && (
            <div className="table-scroll prune-list">
              <table className="data-table" aria-label={t('objectPrune.listLabel')}>
                <thead>
                  <tr>
                    <th scope="col">{t('objects.columns.key')}</th>
                    <th scope="col">{t('objects.columns.modified')}</th>
                    <th scope="col" className="numeric">
                      {t('objects.columns.size')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {plan.objects.slice(0, PREVIEW_ROWS).map((object) => (
                    <tr key={object.key}>
                      <td className="cell-name" title={object.key}>
                        {object.key}
                        {object.parts.length > 0 && ` (+${object.parts.length})`}
                      </td>
                      <td>{formatShortDateTime(object.lastModified, locale)}</td>
                      <td className="numeric">
                        {formatBytes(
                          object.bytes + object.parts.reduce((sum, part) => sum + part.bytes, 0),
                          locale,
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {plan.objects.length > PREVIEW_ROWS && (
                <p className="muted">{t('prune.more', { count: plan.objects.length - PREVIEW_ROWS })}</p>
              )}
            </div>
          )}
          {plan.objects.length > 0 && !prune.data && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('objectPrune.confirm', { count: plan.deleteCount, size })}
            </button>
          )}
          <ConfirmDialog
            open={confirming}
            danger
            busy={prune.isPending}
            title={t('objectPrune.confirmTitle', { count: plan.deleteCount })}
            confirmLabel={
              prune.isPending
                ? t('prune.running')
                : t('objectPrune.confirm', { count: plan.deleteCount, size })
            }
            onConfirm={() => prune.mutate(plan)}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('objectPrune.confirmBody', { count: plan.deleteCount, size })}</p>
          </ConfirmDialog>
        </div>
      )}
      {prune.isError && <ErrorNotice error={prune.error} />}
      {prune.data && (
        <p className="notice notice-success" role="status">
          {t('objectPrune.result', {
            deleted: prune.data.deletedCount,
            size: formatBytes(prune.data.deletedBytes, locale),
            gone: prune.data.goneCount,
            failed: prune.data.failedCount,
          })}
        </p>
      )}
    </section>
  );
}
