import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionRow } from '../../../shared/ipc-types.js';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { ErrorNotice } from '../../components/error-notice.js';
import { SelectField } from '../../components/select-field.js';
import { useActiveProfile } from '../../data/active-profile.js';
import { queryKeys } from '../../data/query-keys.js';
import { PrunePanel } from './prune-panel.js';
import { SessionDetails } from './session-details.js';
import { filterSessions } from './session-filter.js';
import { SessionsTable } from './sessions-table.js';

const PHASES = ['ready', 'uploading', 'restoring', 'deleting', 'busy', 'failed'] as const;

export function ArchivesScreen() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const profile = useActiveProfile();
  const id = useId();
  const [serviceId, setServiceId] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const [phase, setPhase] = useState('');
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [pruning, setPruning] = useState(false);
  // Typing stays responsive on 10 000 rows: the filter runs on a deferred copy of the text.
  const deferredText = useDeferredValue(text);

  const services = useQuery({
    queryKey: queryKeys.services(profile.name),
    queryFn: () => bridgeCall(bridge.archive.listServices, {}),
  });
  const sessions = useQuery({
    queryKey: queryKeys.sessions(profile.name, serviceId),
    queryFn: () => bridgeCall(bridge.archive.listSessions, serviceId ? { serviceId } : {}),
    enabled: services.isSuccess && services.data.length > 0,
  });
  const shown = useMemo(
    () => filterSessions(sessions.data ?? [], { text: deferredText, phase }),
    [sessions.data, deferredText, phase],
  );
  const keyOf = (session: SessionRow) => `${session.serviceId}|${session.id}`;
  const selected = sessions.data?.find((session) => keyOf(session) === selectedKey) ?? null;

  if (services.isError) return <ErrorNotice error={services.error} onRetry={() => void services.refetch()} />;
  if (services.isPending) return <p>{t('app.loading')}</p>;
  if (services.data.length === 0) return <p className="notice">{t('archives.noServices')}</p>;

  return (
    <div className="archives-screen">
      <search className="toolbar">
        <SelectField
          label={t('archives.service')}
          value={serviceId ?? ''}
          onChange={(event) => {
            setServiceId(event.target.value || undefined);
            setSelectedKey(null);
          }}
        >
          <option value="">{t('archives.allServices', { count: services.data.length })}</option>
          {services.data.map((service) => (
            <option key={service.id} value={service.id}>
              {service.id}
            </option>
          ))}
        </SelectField>
        <label className="inline-field">
          <span>{t('archives.search')}</span>
          <input
            type="search"
            id={`${id}-search`}
            placeholder={t('archives.searchPlaceholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <SelectField
          label={t('archives.stateFilter')}
          value={phase}
          onChange={(event) => setPhase(event.target.value)}
        >
          <option value="">{t('common.all')}</option>
          {PHASES.map((name) => (
            <option key={name} value={name}>
              {t(`phase.${name}`)}
            </option>
          ))}
        </SelectField>
        <button type="button" onClick={() => void sessions.refetch()}>
          {t('common.refresh')}
        </button>
        <button type="button" onClick={() => setPruning(true)} aria-expanded={pruning}>
          {t('archives.prune')}
        </button>
      </search>
      {pruning && <PrunePanel serviceId={serviceId} onClose={() => setPruning(false)} />}
      <div className="split">
        <div className="split-main">
          {sessions.isError && <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />}
          {sessions.isPending && <p>{t('app.loading')}</p>}
          {sessions.data && (
            <>
              <p className="table-count" aria-live="polite" data-testid="sessions-count">
                {t('archives.count', { shown: shown.length, total: sessions.data.length })}
              </p>
              {shown.length === 0 ? (
                <p>{t('archives.empty')}</p>
              ) : (
                <SessionsTable
                  sessions={shown}
                  selectedId={selected?.id ?? null}
                  showService={!serviceId && services.data.length > 1}
                  onSelect={(session) => setSelectedKey(keyOf(session))}
                />
              )}
            </>
          )}
        </div>
        <aside className="split-side" aria-label={t('session.title')}>
          {selected ? <SessionDetails session={selected} /> : <p className="muted">{t('session.none')}</p>}
        </aside>
      </div>
    </div>
  );
}
