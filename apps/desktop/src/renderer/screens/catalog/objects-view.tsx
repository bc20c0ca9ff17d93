import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveObjectRow, ArchiveRef } from '../../../shared/ipc-types.js';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { ErrorNotice } from '../../components/error-notice.js';
import { useToasts } from '../../components/toast-region.js';
import { useActiveProfile } from '../../data/active-profile.js';
import { queryKeys } from '../../data/query-keys.js';
import { useNow } from '../../data/use-now.js';
import { errorSummary } from '../../format/error-text.js';
import { formatShortDateTime } from '../../format/format-date.js';
import { sameArchive } from './archive-ref.js';
import { useArchives } from './catalog-screen.js';
import { LifecyclePanel } from './lifecycle-panel.js';
import { ObjectPrunePanel } from './object-prune-panel.js';
import { ObjectsTable } from './objects-table.js';
import { TransferList } from './transfer-list.js';

/**
 * One archive's objects: states and ready times (countdowns while retrieving), retrieve, download
 * into a folder main asks for, upload files main asks for. Actions follow the product's capabilities.
 */
export function ObjectsView({ archive, onBack }: { archive: ArchiveRef; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const profile = useActiveProfile();
  const { push } = useToasts();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [uploadPrefix, setUploadPrefix] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pruning, setPruning] = useState(false);
  // Cold Archive v2 keeps a retrieved copy for as many days as asked: required there.
  const needsDays = archive.product === 'deep-archive';
  const cold = archive.product === 'cold-archive' || archive.product === 'deep-archive';
  const [daysText, setDaysText] = useState('');
  const days = /^\d{1,5}$/.test(daysText) && Number(daysText) >= 1 ? Number(daysText) : null;
  const deferredText = useDeferredValue(text);
  const row = useArchives(archive.product, archive.region ?? undefined).data?.find((item) =>
    sameArchive(item, archive),
  );
  const can = (capability: string) => row?.capabilities.includes(capability as never) ?? false;

  const objects = useQuery({
    queryKey: queryKeys.objects(profile.name, archive),
    queryFn: () => bridgeCall(bridge.archives.listObjects, { archive }),
  });
  const shown = useMemo(() => {
    const all = objects.data ?? [];
    return deferredText === '' ? all : all.filter((object) => object.key.includes(deferredText));
  }, [objects.data, deferredText]);
  const retrieving = useMemo(() => shown.some((object) => object.phase === 'retrieving'), [shown]);
  const now = useNow(retrieving);

  const onToggle = useCallback((key: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const onToggleAll = useCallback(() => {
    setSelected((current) =>
      shown.length > 0 && shown.every((object) => current.has(object.key))
        ? new Set()
        : new Set(shown.map((object) => object.key)),
    );
  }, [shown]);

  const fail = (error: unknown) => push('error', (tr) => errorSummary(tr, error));
  const retrieve = async (input: { keys: string[] } | { prefix: string }) => {
    try {
      const started = await bridgeCall(bridge.archives.retrieve, {
        archive,
        ...input,
        ...(needsDays && days !== null && { days }),
      });
      const retrievingNow = started.objects.filter((object) => object.phase === 'retrieving');
      const last = retrievingNow
        .map((object) => object.readyAt ?? '')
        .sort()
        .pop();
      // Their new states show at once; main's progress events carry on from here.
      const changed = new Map(started.objects.map((object) => [object.key, object]));
      queryClient.setQueryData<ArchiveObjectRow[]>(queryKeys.objects(profile.name, archive), (rows) =>
        rows?.map((object) => changed.get(object.key) ?? object),
      );
      if (retrievingNow.length === 0) push('info', (tr) => tr('objects.retrieveNothing'));
      // Cold Archive gives no ready time: say it is under way, the progress events say when it is over.
      else if (!last) push('info', (tr) => tr('objects.retrieveUntimed', { count: retrievingNow.length }));
      else
        push('info', (tr) =>
          tr('objects.retrieveStarted', {
            count: retrievingNow.length,
            time: formatShortDateTime(last ?? null, i18n.language),
          }),
        );
    } catch (error) {
      fail(error);
    }
  };

  const download = async () => {
    try {
      const folder = await bridgeCall(bridge.transfers.chooseFolder, {});
      if (!folder) return;
      await bridgeCall(bridge.transfers.download, { archive, keys: [...selected], folder: folder.handle });
    } catch (error) {
      fail(error);
    }
  };
  const upload = async () => {
    try {
      const files = await bridgeCall(bridge.transfers.chooseFiles, {});
      if (!files) return;
      await bridgeCall(bridge.transfers.upload, {
        archive,
        files: files.handle,
        ...(uploadPrefix && { prefix: uploadPrefix }),
      });
    } catch (error) {
      fail(error);
    }
  };

  const chosen = (objects.data ?? []).filter((object) => selected.has(object.key));
  const sealedChosen = chosen.filter((object) => object.phase === 'offline');
  const allOnline = chosen.length > 0 && chosen.every((object) => object.phase === 'online');
  const place = archive.region ? `${archive.project} · ${archive.region}` : archive.project;

  return (
    <div className="objects-view">
      <div className="panel-header">
        <button type="button" className="link-button" onClick={onBack}>
          ← {t('objects.back')}
        </button>
        <h2>{t('objects.heading', { name: archive.name })}</h2>
        <span className="muted">
          {t('objects.where', { product: t(`product.${archive.product}`), place })}
        </span>
      </div>
      <search className="toolbar">
        <label className="inline-field">
          <span>{t('objects.search')}</span>
          <input
            type="search"
            placeholder={t('objects.searchPlaceholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="button" onClick={() => void objects.refetch()}>
          {t('common.refresh')}
        </button>
        {can('retrieve') && needsDays && (
          <label className="inline-field">
            <span>{t('objects.retrieveDays')}</span>
            <input
              type="number"
              min={1}
              className="days-input"
              required
              aria-invalid={daysText !== '' && days === null ? true : undefined}
              value={daysText}
              onChange={(event) => setDaysText(event.target.value)}
            />
          </label>
        )}
        {can('retrieve') && (
          <button
            type="button"
            disabled={sealedChosen.length === 0 || (needsDays && days === null)}
            onClick={() => void retrieve({ keys: sealedChosen.map((object) => object.key) })}
          >
            {t('objects.retrieve')}
          </button>
        )}
        {can('retrieve') && text !== '' && (
          <button
            type="button"
            disabled={needsDays && days === null}
            onClick={() => void retrieve({ prefix: text })}
          >
            {t('objects.retrievePrefix')}
          </button>
        )}
        {can('download') && (
          <button type="button" disabled={!allOnline} onClick={() => void download()}>
            {t('objects.download')}
          </button>
        )}
        {can('upload') && (
          <>
            <label className="inline-field">
              <span>{t('objects.uploadPrefix')}</span>
              <input
                type="text"
                className="prefix-input"
                placeholder="folder/"
                value={uploadPrefix}
                onChange={(event) => setUploadPrefix(event.target.value)}
              />
            </label>
            <button type="button" onClick={() => void upload()}>
              {t('objects.upload')}
            </button>
          </>
        )}
        {can('prune') && (
          <button type="button" aria-expanded={pruning} onClick={() => setPruning(true)}>
            {t('objectPrune.open')}
          </button>
        )}
      </search>
      {row && can('lifecycle') && <LifecyclePanel row={row} />}
      {needsDays && days === null && sealedChosen.length > 0 && (
        <p className="muted">{t('objects.daysHint')}</p>
      )}
      {pruning && <ObjectPrunePanel archive={archive} prefix={text} onClose={() => setPruning(false)} />}
      {sealedChosen.length > 0 && can('download') && (
        <p className="muted">{t(cold ? 'objects.archivedHint' : 'objects.sealedHint')}</p>
      )}
      <TransferList />
      {objects.isError && <ErrorNotice error={objects.error} onRetry={() => void objects.refetch()} />}
      {objects.isPending && <p>{t('app.loading')}</p>}
      {objects.data && (
        <>
          <p className="table-count" aria-live="polite" data-testid="objects-count">
            {t('objects.count', { count: shown.length, total: objects.data.length, selected: selected.size })}
          </p>
          {shown.length === 0 ? (
            <p>{t('objects.empty')}</p>
          ) : (
            <ObjectsTable
              objects={shown}
              selected={selected}
              onToggle={onToggle}
              onToggleAll={onToggleAll}
              now={now}
              labels={cold ? 'coldObjectPhase' : 'objectPhase'}
            />
          )}
        </>
      )}
    </div>
  );
}
