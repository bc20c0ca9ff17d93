import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveRef, ArchiveRow } from '../../../shared/ipc-types.js';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { ErrorNotice } from '../../components/error-notice.js';
import { SelectField } from '../../components/select-field.js';
import { useActiveProfile } from '../../data/active-profile.js';
import { queryKeys } from '../../data/query-keys.js';
import { formatBytes } from '../../format/format-bytes.js';
import { formatShortDateTime } from '../../format/format-date.js';
import { refOf } from './archive-ref.js';
import { ObjectsView } from './objects-view.js';

const PRODUCTS = ['legacy-pca', 'cloud-archive', 'cold-archive', 'deep-archive'] as const;

/**
 * Every archive of every product the profile reaches, with the CLI's filters (product, region);
 * one opens its objects. Product-neutral: columns and actions come from the shared vocabulary
 * (phase) and each row's capabilities.
 */
export function CatalogScreen() {
  const { t } = useTranslation();
  const [product, setProduct] = useState<(typeof PRODUCTS)[number] | undefined>(undefined);
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<ArchiveRef | null>(null);
  const archives = useArchives(product, region);
  // The regions to offer come from the unfiltered listing (cached), so a filter never hides its own options.
  const everything = useArchives(undefined, undefined);
  const regions = [
    ...new Set((everything.data ?? []).flatMap((row) => (row.region ? [row.region] : []))),
  ].sort();

  if (open) return <ObjectsView archive={open} onBack={() => setOpen(null)} />;
  return (
    <div className="catalog-screen">
      <search className="toolbar">
        <SelectField
          label={t('catalog.product')}
          value={product ?? ''}
          onChange={(event) => setProduct((event.target.value || undefined) as typeof product)}
        >
          <option value="">{t('catalog.allProducts')}</option>
          {PRODUCTS.map((name) => (
            <option key={name} value={name}>
              {t(`product.${name}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('catalog.region')}
          value={region ?? ''}
          onChange={(event) => setRegion(event.target.value || undefined)}
        >
          <option value="">{t('catalog.allRegions')}</option>
          {regions.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
        <button type="button" onClick={() => void archives.refetch()}>
          {t('common.refresh')}
        </button>
      </search>
      {archives.isError && <ErrorNotice error={archives.error} onRetry={() => void archives.refetch()} />}
      {archives.isPending && <p>{t('app.loading')}</p>}
      {archives.data && (
        <>
          <p className="table-count" aria-live="polite" data-testid="archives-count">
            {t('catalog.count', { count: archives.data.length })}
          </p>
          {archives.data.length === 0 ? (
            <p>{t('catalog.empty')}</p>
          ) : (
            <ArchivesTable rows={archives.data} onOpen={(row) => setOpen(refOf(row))} />
          )}
        </>
      )}
    </div>
  );
}

export function useArchives(product: string | undefined, region: string | undefined) {
  const bridge = useBridge();
  const profile = useActiveProfile();
  return useQuery({
    queryKey: queryKeys.archives(profile.name, product, region),
    queryFn: () =>
      bridgeCall(bridge.archives.list, {
        ...(product && { product: product as (typeof PRODUCTS)[number] }),
        ...(region && { region }),
      }),
  });
}

function ArchivesTable({ rows, onOpen }: { rows: ArchiveRow[]; onOpen: (row: ArchiveRow) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const number = new Intl.NumberFormat(locale);
  return (
    <div className="table-scroll catalog-scroll">
      <table className="data-table" aria-label={t('catalog.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('catalog.columns.name')}</th>
            <th scope="col">{t('catalog.columns.product')}</th>
            <th scope="col">{t('catalog.columns.region')}</th>
            <th scope="col">{t('catalog.columns.project')}</th>
            <th scope="col">{t('catalog.columns.state')}</th>
            <th scope="col" className="numeric">
              {t('catalog.columns.objects')}
            </th>
            <th scope="col" className="numeric">
              {t('catalog.columns.size')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.product}|${row.project}|${row.region}|${row.name}`}
              data-product={row.product}
              data-archive={row.name}
            >
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('catalog.open', { name: row.name })}
                  onClick={() => onOpen(row)}
                >
                  {row.name}
                </button>
              </td>
              <td>{t(`product.${row.product}`)}</td>
              <td>{row.region ?? t('catalog.noRegion')}</td>
              <td className="cell-path" title={row.project}>
                {row.project}
              </td>
              <td>
                <span className={`badge archive-${row.phase}`} title={row.state}>
                  {t(`archivePhase.${row.phase}`)}
                </span>
                {row.lockedUntil && (
                  <small className="cell-note">
                    {t('lifecycle.lockEnds', { date: formatShortDateTime(row.lockedUntil, locale) })}
                  </small>
                )}
                {row.restoredUntil && (
                  <small className="cell-note">
                    {t('lifecycle.copyEnds', { date: formatShortDateTime(row.restoredUntil, locale) })}
                  </small>
                )}
              </td>
              <td className="numeric">
                {row.objects === null ? t('catalog.unknown') : number.format(row.objects)}
              </td>
              <td className="numeric">
                {row.bytes === null ? t('catalog.unknown') : formatBytes(row.bytes, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
