import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveRow, LifecyclePreviewInfo, LifecycleStep } from '../../../shared/ipc-types.js';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { useToasts } from '../../components/toast-region.js';
import { errorSummary } from '../../format/error-text.js';
import { formatDateTime } from '../../format/format-date.js';
import { refOf } from './archive-ref.js';

const MAX_LOCK_DAYS = 4500;
/** Phases a bucket passes through on its own while a step is under way. */
const MOVING = new Set(['archiving', 'retrieving', 'deleting', 'busy']);
const DAY_MS = 86_400_000;

/** Whole days 1–4,500, or null: what the lock field holds when it is valid. */
function lockDaysOf(text: string): number | null {
  if (!/^\d{1,4}$/.test(text)) return null;
  const days = Number(text);
  return days >= 1 && days <= MAX_LOCK_DAYS ? days : null;
}

/**
 * A Cold Archive v1 bucket's lifecycle: archive (optionally with a write-once lock), restore,
 * destroy, delete. Each step main's rules refuse now is disabled with the reason; the others
 * preview first (what it does and costs, from core) and run only once confirmed.
 */
export function LifecyclePanel({ row }: { row: ArchiveRow }) {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const { push } = useToasts();
  const [locked, setLocked] = useState(false);
  const [lockText, setLockText] = useState('30');
  const [preview, setPreview] = useState<LifecyclePreviewInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const locale = i18n.language;
  const lockDays = locked ? lockDaysOf(lockText) : null;
  const lockEnd = lockDays === null ? null : new Date(Date.now() + lockDays * DAY_MS).toISOString();
  const fail = (error: unknown) => push('error', (tr) => errorSummary(tr, error));

  const ask = async (step: LifecycleStep) => {
    setBusy(true);
    try {
      const shown = await bridgeCall(bridge.archives.previewLifecycle, {
        archive: refOf(row),
        step,
        ...(step === 'archive' && lockDays !== null && { lockDays }),
      });
      setPreview(shown);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  const run = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      await bridgeCall(bridge.archives.runLifecycle, { planId: preview.planId });
      push('info', (tr) => tr(`lifecycle.started.${preview.step}`, { name: row.name }));
      setPreview(null);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const refusal = (step: LifecycleStep) => {
    const found = row.steps.find((item) => item.step === step);
    if (!found?.refused) return null;
    return found.until
      ? t('lifecycle.lockedUntil', { date: formatDateTime(found.until, locale) })
      : found.refused;
  };
  const archiveRefused =
    refusal('archive') ?? (row.state !== 'none' && lockDays === null ? t('lifecycle.extendOnly') : null);
  const lockInvalid = locked && lockDays === null;

  return (
    <section className="lifecycle-panel" aria-label={t('lifecycle.title')}>
      <h3>{t('lifecycle.title')}</h3>
      <p className="muted" data-testid="lifecycle-dates">
        {row.lockedUntil
          ? t('lifecycle.lockEnds', { date: formatDateTime(row.lockedUntil, locale) })
          : t('lifecycle.noLock')}
        {row.restoredUntil &&
          ` · ${t('lifecycle.copyEnds', { date: formatDateTime(row.restoredUntil, locale) })}`}
      </p>
      {MOVING.has(row.phase) && (
        <p role="status" className="lifecycle-progress" data-testid="lifecycle-progress">
          {t('lifecycle.moving', { state: row.state })}
        </p>
      )}
      <div className="lifecycle-lock">
        <label className="inline-field">
          <input type="checkbox" checked={locked} onChange={(event) => setLocked(event.target.checked)} />
          <span>{t('lifecycle.lock')}</span>
        </label>
        {locked && (
          <label className="inline-field">
            <span>{t('lifecycle.lockDays')}</span>
            <input
              type="number"
              min={1}
              max={MAX_LOCK_DAYS}
              className="days-input"
              aria-invalid={lockInvalid || undefined}
              value={lockText}
              onChange={(event) => setLockText(event.target.value)}
            />
          </label>
        )}
        {locked && (
          <small className={lockInvalid ? 'field-error' : 'muted'} data-testid="lock-end">
            {lockEnd
              ? t('lifecycle.lockPreview', { date: formatDateTime(lockEnd, locale) })
              : t('lifecycle.lockInvalid', { max: MAX_LOCK_DAYS })}
          </small>
        )}
      </div>
      <div className="lifecycle-actions">
        {(['archive', 'restore', 'destroy', 'delete'] as const).map((step) => {
          const refused =
            step === 'archive'
              ? (archiveRefused ?? (lockInvalid ? t('lifecycle.lockInvalid', { max: MAX_LOCK_DAYS }) : null))
              : refusal(step);
          return (
            <div key={step} className="lifecycle-action">
              <button
                type="button"
                className={step === 'destroy' || step === 'delete' ? 'danger' : undefined}
                disabled={busy || refused !== null}
                aria-describedby={refused ? `refused-${step}` : undefined}
                onClick={() => void ask(step)}
              >
                {t(`lifecycle.action.${step}`)}
              </button>
              {refused && (
                <small id={`refused-${step}`} className="muted" data-testid={`refused-${step}`}>
                  {refused}
                </small>
              )}
            </div>
          );
        })}
      </div>
      <ConfirmDialog
        open={preview !== null}
        title={preview ? t(`lifecycle.confirmTitle.${preview.step}`, { name: row.name }) : ''}
        confirmLabel={preview ? t(`lifecycle.action.${preview.step}`) : ''}
        danger={preview?.step === 'destroy' || preview?.step === 'delete'}
        busy={busy}
        onConfirm={() => void run()}
        onCancel={() => setPreview(null)}
      >
        {preview && (
          <>
            <ul data-testid="lifecycle-effects">
              {preview.effects.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {preview.costs.length > 0 && (
              <>
                <h3>{t('lifecycle.costs')}</h3>
                <ul data-testid="lifecycle-costs">
                  {preview.costs.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </>
            )}
            {preview.lockedUntil && (
              <p>
                <strong>
                  {t('lifecycle.lockPreview', { date: formatDateTime(preview.lockedUntil, locale) })}
                </strong>
              </p>
            )}
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
