import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { ErrorNotice } from '../../components/error-notice.js';
import { useActiveProfile } from '../../data/active-profile.js';
import { queryKeys } from '../../data/query-keys.js';
import { formatBytes } from '../../format/format-bytes.js';
import { useArchives } from '../catalog/catalog-screen.js';
import { usageBy, usageByMonth, usageByProduct } from './storage-data.js';

const PHASE_COLOURS: Record<string, string> = {
  ready: 'var(--chart-1)',
  uploading: 'var(--chart-2)',
  restoring: 'var(--chart-3)',
  deleting: 'var(--chart-4)',
  busy: 'var(--chart-5)',
  failed: 'var(--danger)',
};

export default function StorageScreen() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const bridge = useBridge();
  const profile = useActiveProfile();
  const sessions = useQuery({
    queryKey: queryKeys.sessions(profile.name, undefined),
    queryFn: () => bridgeCall(bridge.archive.listSessions, {}),
  });
  const usage = useQuery({
    queryKey: queryKeys.usage(profile.name),
    queryFn: () => bridgeCall(bridge.archive.getUsage, {}),
  });
  const archives = useArchives(undefined, undefined);
  const byProduct = useMemo(() => usageByProduct(archives.data ?? []), [archives.data]);
  const months = useMemo(() => usageByMonth(sessions.data ?? []), [sessions.data]);
  const byPhase = useMemo(() => usageBy(sessions.data ?? [], (session) => session.phase), [sessions.data]);
  const bytes = (value: number) => formatBytes(value, locale);

  if (sessions.isError) return <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />;
  if (usage.isError) return <ErrorNotice error={usage.error} onRetry={() => void usage.refetch()} />;
  if (!sessions.data || !usage.data) return <p>{t('app.loading')}</p>;

  return (
    <div className="storage-screen">
      <h2>{t('storage.title')}</h2>
      <p className="storage-total">{t('storage.total', { size: bytes(usage.data.totalBytes) })}</p>
      <section className="card chart-card" aria-labelledby="chart-product">
        <h3 id="chart-product">{t('storage.byProduct')}</h3>
        {archives.isError && <ErrorNotice error={archives.error} onRetry={() => void archives.refetch()} />}
        {archives.data && (
          <>
            <div className="chart" role="img" aria-label={t('storage.byProduct')}>
              <ResponsiveContainer width="100%" height={200}>
                <BarChart
                  layout="vertical"
                  data={byProduct.map((group) => ({ ...group, label: t(`product.${group.key}`) }))}
                  margin={{ left: 16, right: 16, top: 8, bottom: 8 }}
                >
                  <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
                  <XAxis type="number" tickFormatter={bytes} stroke="var(--muted)" />
                  <YAxis type="category" dataKey="label" width={220} stroke="var(--muted)" />
                  <Tooltip
                    formatter={(value) => bytes(Number(value))}
                    contentStyle={{ background: 'var(--surface)' }}
                  />
                  <Bar dataKey="bytes" name={t('storage.bytes')} isAnimationActive={false}>
                    {byProduct.map((group, index) => (
                      <Cell key={group.key} fill={`var(--chart-${(index % 5) + 1})`} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
            <ul className="legend-list" data-testid="usage-by-product">
              {byProduct.map((group) => (
                <li key={group.key}>
                  {t(`product.${group.key}`)}: {bytes(group.bytes)} ·{' '}
                  {t('storage.archives', { count: group.count })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card chart-card" aria-labelledby="chart-time">
        <h3 id="chart-time">{t('storage.overTime')}</h3>
        <p className="muted">{t('storage.overTimeHint')}</p>
        <div className="chart" role="img" aria-label={t('storage.overTime')}>
          <ResponsiveContainer width="100%" height={260}>
            <AreaChart data={months} margin={{ left: 16, right: 16, top: 8, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis dataKey="month" stroke="var(--muted)" />
              <YAxis tickFormatter={bytes} width={80} stroke="var(--muted)" />
              <Tooltip
                formatter={(value) => bytes(Number(value))}
                contentStyle={{ background: 'var(--surface)' }}
              />
              <Area
                type="monotone"
                dataKey="cumulative"
                name={t('storage.bytes')}
                stroke="var(--chart-1)"
                fill="var(--chart-1)"
                fillOpacity={0.25}
                isAnimationActive={false}
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
        <details>
          <summary>{t('storage.tableView')}</summary>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('storage.month')}</th>
                <th scope="col" className="numeric">
                  {t('storage.bytes')}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((point) => (
                <tr key={point.month}>
                  <td>{point.month}</td>
                  <td className="numeric">{bytes(point.cumulative)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
      <div className="chart-row">
        <section className="card chart-card" aria-labelledby="chart-state">
          <h3 id="chart-state">{t('storage.byState')}</h3>
          <div className="chart" role="img" aria-label={t('storage.byState')}>
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={byPhase.map((group) => ({ ...group, label: t(`phase.${group.key}`) }))}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
                <XAxis dataKey="label" stroke="var(--muted)" />
                <YAxis tickFormatter={bytes} width={80} stroke="var(--muted)" />
                <Tooltip
                  formatter={(value) => bytes(Number(value))}
                  contentStyle={{ background: 'var(--surface)' }}
                />
                <Bar dataKey="bytes" name={t('storage.bytes')} isAnimationActive={false}>
                  {byPhase.map((group) => (
                    <Cell key={group.key} fill={PHASE_COLOURS[group.key] ?? 'var(--chart-5)'} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="legend-list">
            {byPhase.map((group) => (
              <li key={group.key}>
                {t(`phase.${group.key}`)}: {bytes(group.bytes)} ·{' '}
                {t('storage.sessions', { count: group.count })}
              </li>
            ))}
          </ul>
        </section>
        <section className="card chart-card" aria-labelledby="chart-service">
          <h3 id="chart-service">{t('storage.byService')}</h3>
          <ul className="legend-list">
            {usage.data.services.map((service) => (
              <li key={service.serviceId}>
                <span className="cell-path">{service.serviceId}</span>: {bytes(service.bytes)}
                <meter
                  min={0}
                  max={Math.max(1, usage.data.totalBytes)}
                  value={service.bytes}
                  aria-label={service.serviceId}
                />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
