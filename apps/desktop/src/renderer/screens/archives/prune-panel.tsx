import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrunePreview } from '../../../shared/ipc-types.js';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorNotice } from '../../components/error-notice.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useActiveProfile } from '../../data/active-profile.js';
import { queryKeys } from '../../data/query-keys.js';
import { formatBytes } from '../../format/format-bytes.js';
import { formatDateTime, formatShortDateTime } from '../../format/format-date.js';

const UNIT_SECONDS = { h: 3600, d: 86_400, w: 604_800 } as const;
type Unit = keyof typeof UNIT_SECONDS;
/** Rows drawn in the preview lists; the summary always counts them all. */
const PREVIEW_ROWS = 200;

/** Retention: choose an age, preview exactly what would go, then confirm that very list. */
export function PrunePanel({ serviceId, onClose }: { serviceId: string | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const bridge = useBridge();
  const profile = useActiveProfile();
  const queryClient = useQueryClient();
  const id = useId();
  const [age, setAge] = useState(90);
  const [unit, setUnit] = useState<Unit>('d');
  const [keepNewest, setKeepNewest] = useState(0);
  const [confirming, setConfirming] = useState(false);

  const preview = useMutation({
    mutationFn: () =>
      bridgeCall(bridge.archive.previewPrune, {
        olderThanSeconds: age * UNIT_SECONDS[unit],
        keepNewest,
        ...(serviceId ? { serviceId } : {}),
      }),
  });
  const prune = useMutation({
    mutationFn: (plan: PrunePreview) => bridgeCall(bridge.archive.prune, { planId: plan.planId }),
    onSettled: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.allSessions(profile.name) });
    },
  });

  const plan = preview.data;
  const planSize = plan ? formatBytes(plan.totalBytes, locale) : '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    prune.reset();
    preview.mutate();
  };

  return (
    <section className="card prune-panel" aria-labelledby={`${id}-title`}>
      <div className="panel-header">
        <h3 id={`${id}-title`}>{t('prune.title')}</h3>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <p>{t('prune.intro')}</p>
      <form className="inline-form" onSubmit={submit}>
        <TextField
          label={t('prune.age')}
          name="age"
          type="number"
          min={1}
          max={36500}
          required
          value={age}
          onChange={(event) => setAge(Number(event.target.value))}
        />
        <SelectField
          label={t('prune.unit')}
          layout="stacked"
          name="unit"
          value={unit}
          onChange={(event) => setUnit(event.target.value as Unit)}
        >
          {(Object.keys(UNIT_SECONDS) as Unit[]).map((name) => (
            <option key={name} value={name}>
              {t(`prune.units.${name}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('prune.keepNewest')}
          hint={t('prune.keepNewestHint')}
          name="keepNewest"
          type="number"
          min={0}
          max={10000}
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
          <p className="prune-summary">
            {plan.sessions.length === 0
              ? t('prune.nothing')
              : t('prune.summary', {
                  count: plan.sessions.length,
                  size: planSize,
                  cutoff: formatDateTime(plan.cutoff, locale),
                })}
          </p>
          {plan.sessions.length > 0 && (
            <div className="table-scroll prune-list">
              <table className="data-table" aria-label={t('prune.listLabel')}>
                <thead>
                  <tr>
                    <th scope="col">{t('archives.columns.name')}</th>
                    <th scope="col">{t('archives.columns.endDate')}</th>
                    <th scope="col" className="numeric">
                      {t('archives.columns.size')}
                    </th>
                    <th scope="col">{t('archives.columns.service')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.sessions.slice(0, PREVIEW_ROWS).map((session) => (
                    <tr key={`${session.serviceId}/${session.id}`}>
                      <td>
                        <span className="cell-name">{session.name || session.id}</span>
                      </td>
                      <td>{formatShortDateTime(session.endDate, locale)}</td>
                      <td className="numeric">{formatBytes(session.size, locale)}</td>
                      <td title={session.serviceId}>{session.serviceId.split('/')[1]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {plan.sessions.length > PREVIEW_ROWS && (
                <p className="muted">{t('prune.more', { count: plan.sessions.length - PREVIEW_ROWS })}</p>
              )}
            </div>
          )}
          {plan.skipped.length > 0 && (
            <details>
              <summary>{t('prune.skippedTitle', { count: plan.skipped.length })}</summary>
              <ul>
                {plan.skipped.slice(0, PREVIEW_ROWS).map(({ session, reason }) => (
                  <li key={`${session.serviceId}/${session.id}`}>
                    {session.name || session.id} — {t(`prune.reason.${reason}`)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {plan.sessions.length > 0 && !prune.data && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('prune.confirm', { count: plan.sessions.length, size: planSize })}
            </button>
          )}
          <ConfirmDialog
            open={confirming}
            danger
            busy={prune.isPending}
            title={t('prune.confirmTitle', { count: plan.sessions.length })}
            confirmLabel={
              prune.isPending
                ? t('prune.running')
                : t('prune.confirm', { count: plan.sessions.length, size: planSize })
            }
            onConfirm={() => prune.mutate(plan)}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('prune.confirmBody', { count: plan.sessions.length, size: planSize })}</p>
          </ConfirmDialog>
        </div>
      )}
      {prune.isError && <ErrorNotice error={prune.error} />}
      {prune.data && (
        <p className="notice notice-success" role="status">
          {t('prune.result', {
            deleted: prune.data.deletedCount,
            size: formatBytes(prune.data.deletedBytes, locale),
            gone: prune.data.goneCount,
            skipped: prune.data.skippedCount,
            failed: prune.data.failedCount,
          })}
        </p>
      )}
    </section>
  );
}
