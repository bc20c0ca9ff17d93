import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionRow } from '../../../shared/ipc-types.js';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorNotice } from '../../components/error-notice.js';
import { useToasts } from '../../components/toast-region.js';
import { useActiveProfile } from '../../data/active-profile.js';
import { queryKeys } from '../../data/query-keys.js';
import { formatBytes } from '../../format/format-bytes.js';
import { formatDateTime } from '../../format/format-date.js';
import { taskFunctionLabel } from '../../format/task-function.js';
import { RenameField } from './rename-field.js';

type PendingAction = 'restore' | 'delete' | null;

export function SessionDetails({ session }: { session: SessionRow }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const bridge = useBridge();
  const profile = useActiveProfile();
  const queryClient = useQueryClient();
  const { push } = useToasts();
  const [pending, setPending] = useState<PendingAction>(null);
  const ref = { serviceId: session.serviceId, sessionId: session.id };

  const files = useQuery({
    queryKey: queryKeys.files(profile.name, session.id),
    queryFn: () => bridgeCall(bridge.archive.listFiles, ref),
  });
  const refreshSessions = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.allSessions(profile.name) });
  const rename = useMutation({
    mutationFn: (name: string) => bridgeCall(bridge.archive.renameSession, { ...ref, name }),
    onSuccess: (result) => {
      push('success', (tr) => tr('session.renamed', { name: result.name }));
      void refreshSessions();
    },
  });
  const action = useMutation({
    mutationFn: (kind: 'restore' | 'delete') =>
      kind === 'restore'
        ? bridgeCall(bridge.archive.restoreSession, ref)
        : bridgeCall(bridge.archive.deleteSession, ref),
    onSuccess: (task) => {
      setPending(null);
      push('info', (tr) =>
        tr('session.taskStarted', { id: task.id, function: taskFunctionLabel(tr, task.function) }),
      );
      void refreshSessions();
    },
    onError: () => setPending(null),
  });

  const fileCount = files.data?.length ?? 0;
  const size = formatBytes(session.size, locale);
  const settled = session.phase === 'ready' || session.phase === 'failed';
  const facts: Array<[string, string]> = [
    [t('session.id'), session.id],
    [t('session.service'), session.serviceId],
    [t('session.startDate'), formatDateTime(session.startDate, locale)],
    [
      t('session.endDate'),
      session.endDate ? formatDateTime(session.endDate, locale) : t('archives.uploading'),
    ],
    [t('session.size'), size],
    [t('session.state'), `${t(`phase.${session.phase}`)} (${session.state})`],
    [t('session.login'), session.login],
    [t('session.srcIp'), session.srcIp ?? '—'],
  ];

  return (
    <section className="session-details" aria-label={t('session.title')}>
      <RenameField
        key={session.id}
        name={session.name}
        busy={rename.isPending}
        onRename={(name) => rename.mutate(name)}
      />
      {rename.isError && <ErrorNotice error={rename.error} />}
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {!settled && (
        <p className="notice">{t('session.busy', { phase: t(`phase.${session.phase}`).toLowerCase() })}</p>
      )}
      <div className="form-actions">
        <button type="button" disabled={!settled || files.isPending} onClick={() => setPending('restore')}>
          {t('session.restore')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={!settled || files.isPending}
          onClick={() => setPending('delete')}
        >
          {t('session.delete')}
        </button>
      </div>
      {action.isError && <ErrorNotice error={action.error} />}
      <ConfirmDialog
        open={pending === 'restore'}
        title={t('session.restoreTitle', { name: session.name })}
        confirmLabel={t('session.restoreConfirm')}
        busy={action.isPending}
        onConfirm={() => action.mutate('restore')}
        onCancel={() => setPending(null)}
      >
        <p>{t('session.restoreBody', { files: fileCount, size })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending === 'delete'}
        danger
        title={t('session.deleteTitle', { name: session.name })}
        confirmLabel={t('session.deleteConfirm')}
        busy={action.isPending}
        onConfirm={() => action.mutate('delete')}
        onCancel={() => setPending(null)}
      >
        <p>{t('session.deleteBody', { files: fileCount, size })}</p>
      </ConfirmDialog>
      <h4>{t('session.files', { count: fileCount })}</h4>
      {files.isError && <ErrorNotice error={files.error} onRetry={() => void files.refetch()} />}
      {files.isPending && <p>{t('app.loading')}</p>}
      {files.data && files.data.length > 0 && (
        <div className="table-scroll files-scroll">
          <table className="data-table" aria-label={t('session.filesLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('session.fileName')}</th>
                <th scope="col" className="numeric">
                  {t('session.fileSize')}
                </th>
                <th scope="col">{t('session.fileType')}</th>
                <th scope="col">{t('session.fileState')}</th>
              </tr>
            </thead>
            <tbody>
              {files.data.map((file) => (
                <tr key={file.id} title={`${t('session.fileSha256')} ${file.sha256}`}>
                  <td className="cell-path">{file.name}</td>
                  <td className="numeric">{formatBytes(file.size, locale)}</td>
                  <td>{file.type}</td>
                  <td>{file.state}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
