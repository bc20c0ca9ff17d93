import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleAnswer } from '../../../shared/ipc-types.js';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorNotice } from '../../components/error-notice.js';
import { SelectField } from '../../components/select-field.js';
import { TextAreaField, TextField } from '../../components/text-field.js';
import { useActiveProfile } from '../../data/active-profile.js';
import { queryKeys } from '../../data/query-keys.js';
import { type HistoryEntry, loadHistory, recordCall, saveHistory } from './console-history.js';
import { matchRoute, placeholdersIn, routesOf, suggestPaths } from './console-paths.js';
import { checkJsonBody } from './json-body.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
type Method = (typeof METHODS)[number];
type QueryRow = { id: number; name: string; value: string };
let nextRowId = 1;

export default function ConsoleScreen() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const profile = useActiveProfile();
  const id = useId();
  const [method, setMethod] = useState<Method>('GET');
  const [path, setPath] = useState('/me');
  const [queryRows, setQueryRows] = useState<QueryRow[]>([]);
  const [body, setBody] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [history, setHistory] = useState<HistoryEntry[]>(() => loadHistory(profile.name));

  const apis = useQuery({
    queryKey: queryKeys.apis(profile.name),
    queryFn: () => bridgeCall(bridge.console.listApis, {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
  // `combine` keeps the same array while nothing changes, so the routes below are computed once.
  const loadedSchemas = useQueries({
    queries: (apis.data?.apis ?? []).map((api) => ({
      queryKey: queryKeys.schema(profile.name, api),
      queryFn: () => bridgeCall(bridge.console.getSchema, { api }),
      staleTime: Number.POSITIVE_INFINITY,
    })),
    combine: (results) => results.flatMap((query) => (query.data ? [query.data] : [])),
  });
  const routes = useMemo(() => routesOf(loadedSchemas), [loadedSchemas]);
  const suggestions = useMemo(() => suggestPaths(routes, path), [routes, path]);
  const route = matchRoute(routes, path);
  const operation = route?.operations.find((op) => op.method === method);
  const missing = placeholdersIn(path);
  const bodyCheck = checkJsonBody(body);

  const call = useMutation({
    mutationFn: () =>
      bridgeCall(bridge.console.call, {
        method,
        path,
        query: Object.fromEntries(queryRows.filter((row) => row.name).map((row) => [row.name, row.value])),
        body: body.trim() === '' ? null : body,
        confirmed: method !== 'GET',
      }),
    onSuccess: (answer: ConsoleAnswer) => {
      setHistory((entries) =>
        recordCall(
          profile.name,
          entries,
          { method, path, query: queryRows.map((row) => [row.name, row.value]), body },
          answer,
        ),
      );
    },
    onSettled: () => setConfirming(false),
  });

  const canSend = missing.length === 0 && bodyCheck.state !== 'invalid' && !call.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canSend) return;
    if (method === 'GET') call.mutate();
    else setConfirming(true);
  };
  const restore = (entry: HistoryEntry) => {
    setMethod(entry.method as Method);
    setPath(entry.path);
    setQueryRows(entry.query.map(([name, value]) => ({ id: nextRowId++, name, value })));
    setBody(entry.body);
  };

  return (
    <div className="console-screen">
      <section className="card console-request" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('console.title')}</h2>
        {apis.isError && <ErrorNotice error={apis.error} onRetry={() => void apis.refetch()} />}
        <form onSubmit={submit} className="form-grid">
          <div className="console-line">
            <SelectField
              label={t('console.method')}
              layout="stacked"
              name="method"
              value={method}
              onChange={(event) => setMethod(event.target.value as Method)}
            >
              {METHODS.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </SelectField>
            <div className="grow">
              <TextField
                label={t('console.path')}
                hint={
                  missing.length > 0
                    ? t('console.placeholders', { names: missing.join(', ') })
                    : t('console.pathHint')
                }
                name="path"
                list={`${id}-paths`}
                value={path}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => setPath(event.target.value)}
              />
              <datalist id={`${id}-paths`} data-testid="path-suggestions">
                {suggestions.map((suggestion) => (
                  <option key={suggestion} value={suggestion} />
                ))}
              </datalist>
            </div>
          </div>
          {route && (
            <div className="operations">
              <span>{t('console.operations')}: </span>
              {route.operations.map((op) => (
                <button
                  key={op.method}
                  type="button"
                  className={`chip ${op.method === method ? 'chip-active' : ''}`}
                  title={op.description}
                  onClick={() => setMethod(op.method)}
                >
                  {op.method}
                </button>
              ))}
              {operation?.description && <p className="muted">{operation.description}</p>}
              {operation?.parameters
                .filter((param) => param.in === 'query' && !queryRows.some((row) => row.name === param.name))
                .map((param) => (
                  <button
                    key={param.name}
                    type="button"
                    className="chip"
                    title={param.description}
                    onClick={() =>
                      setQueryRows((rows) => [...rows, { id: nextRowId++, name: param.name, value: '' }])
                    }
                  >
                    + {param.name}
                  </button>
                ))}
            </div>
          )}
          <fieldset>
            <legend>{t('console.query')}</legend>
            {queryRows.map((row) => (
              <div key={row.id} className="query-row">
                <label>
                  <span className="visually-hidden">{t('console.queryName')}</span>
                  <input
                    placeholder={t('console.queryName')}
                    value={row.name}
                    onChange={(event) =>
                      setQueryRows((rows) =>
                        rows.map((item) =>
                          item.id === row.id ? { ...item, name: event.target.value } : item,
                        ),
                      )
                    }
                  />
                </label>
                <label>
                  <span className="visually-hidden">{t('console.queryValue')}</span>
                  <input
                    placeholder={t('console.queryValue')}
                    value={row.value}
                    onChange={(event) =>
                      setQueryRows((rows) =>
                        rows.map((item) =>
                          item.id === row.id ? { ...item, value: event.target.value } : item,
                        ),
                      )
                    }
                  />
                </label>
                <button
                  type="button"
                  aria-label={t('console.removeQuery', { name: row.name })}
                  onClick={() => setQueryRows((rows) => rows.filter((item) => item.id !== row.id))}
                >
                  ×
                </button>
              </div>
            ))}
            <button
              type="button"
              onClick={() => setQueryRows((rows) => [...rows, { id: nextRowId++, name: '', value: '' }])}
            >
              {t('console.addQuery')}
            </button>
          </fieldset>
          {method !== 'GET' && method !== 'DELETE' && (
            <TextAreaField
              label={t('console.body')}
              invalid={bodyCheck.state === 'invalid'}
              hint={
                bodyCheck.state === 'invalid'
                  ? t('console.bodyInvalid', { reason: bodyCheck.reason })
                  : bodyCheck.state === 'valid'
                    ? t('console.bodyValid')
                    : undefined
              }
              name="body"
              rows={6}
              spellCheck={false}
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
          )}
          <div className="form-actions">
            <button type="submit" className={method === 'GET' ? 'primary' : 'danger'} disabled={!canSend}>
              {call.isPending ? t('console.sending') : t('console.send')}
            </button>
          </div>
        </form>
        <ConfirmDialog
          open={confirming}
          danger
          busy={call.isPending}
          title={t('console.confirmTitle', { method, path })}
          confirmLabel={t('console.confirm')}
          onConfirm={() => call.mutate()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('console.confirmBody', { account: profile.account ?? profile.name })}</p>
        </ConfirmDialog>
      </section>
      <section className="card console-answer" aria-labelledby={`${id}-answer`} aria-live="polite">
        <h2 id={`${id}-answer`}>{t('console.answer')}</h2>
        {call.isError && <ErrorNotice error={call.error} />}
        {call.data && (
          <>
            <p className="answer-meta" data-testid="answer-meta">
              <span className={`badge ${call.data.ok ? 'status-ok' : 'status-error'}`}>
                {t('console.status', { status: call.data.status })}
              </span>{' '}
              <span>{t('console.duration', { ms: Math.round(call.data.durationMs) })}</span>{' '}
              {call.data.queryId && (
                <span className="muted">{t('common.queryId', { queryId: call.data.queryId })}</span>
              )}
            </p>
            <pre className="json-answer" data-testid="answer-body">
              {JSON.stringify(call.data.body, null, 2)}
            </pre>
          </>
        )}
      </section>
      <section className="card console-history" aria-labelledby={`${id}-history`}>
        <div className="panel-header">
          <h2 id={`${id}-history`}>{t('console.history')}</h2>
          {history.length > 0 && (
            <button
              type="button"
              onClick={() => {
                saveHistory(profile.name, []);
                setHistory([]);
              }}
            >
              {t('console.clearHistory')}
            </button>
          )}
        </div>
        {history.length === 0 && <p className="muted">{t('console.noHistory')}</p>}
        <ol className="history-list">
          {history.map((entry) => (
            <li key={`${entry.at}-${entry.method}-${entry.path}`}>
              <button type="button" className="link-button" onClick={() => restore(entry)}>
                <span className="badge">{entry.method}</span> {entry.path}
              </button>{' '}
              <span className={entry.status < 400 ? 'status-ok' : 'status-error'}>{entry.status}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
