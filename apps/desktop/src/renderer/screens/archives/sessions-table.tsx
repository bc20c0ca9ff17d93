import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingFn,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionRow } from '../../../shared/ipc-types.js';
import { useVirtualRows } from '../../components/use-virtual-rows.js';
import { formatBytes } from '../../format/format-bytes.js';
import { formatShortDateTime } from '../../format/format-date.js';

const ROW_HEIGHT_PX = 36;
const column = createColumnHelper<SessionRow>();

/**
 * Fixed column widths (table-layout: fixed): columns never jump while rows scroll in and out. Sized
 * in rem for their longest content (a compact date, a French state badge) so zoom keeps them
 * whole; the name takes what is left.
 */
interface ColumnLook {
  numeric?: boolean;
  width?: string;
}
const look = (meta: unknown) => meta as ColumnLook | undefined;

// react-table's automatic choice for strings is a natural sort that splits every value with a
// regular expression: seconds on 10 000 rows. ISO dates in UTC sort as plain strings ('basic');
// names use one shared collator.
const nameCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const byName: SortingFn<SessionRow> = (a, b) => nameCollator.compare(a.original.name, b.original.name);

interface SessionsTableProps {
  sessions: SessionRow[];
  selectedId: string | null;
  onSelect: (session: SessionRow) => void;
  showService: boolean;
}

/**
 * Sortable, virtualised table: only the rows in view are in the DOM, so 10 000 sessions scroll
 * smoothly. Rows use a roving tabindex: Tab enters the table, arrows move, Enter opens details.
 */
export function SessionsTable({ sessions, selectedId, onSelect, showService }: SessionsTableProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [sorting, setSorting] = useState<SortingState>([{ id: 'startDate', desc: true }]);
  const scrollRef = useRef<HTMLDivElement>(null);

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: () => t('archives.columns.name'),
        cell: (info) => <span title={info.getValue()}>{info.getValue() || '—'}</span>,
        sortingFn: byName,
        meta: {},
      }),
      column.accessor('startDate', {
        header: () => t('archives.columns.startDate'),
        cell: (info) => formatShortDateTime(info.getValue(), locale),
        sortingFn: 'basic',
        meta: { width: '9.5rem' },
      }),
      column.accessor((row) => row.endDate ?? '', {
        id: 'endDate',
        header: () => t('archives.columns.endDate'),
        cell: (info) => formatShortDateTime(info.row.original.endDate, locale),
        sortingFn: 'basic',
        meta: { width: '9.5rem' },
      }),
      column.accessor('size', {
        header: () => t('archives.columns.size'),
        cell: (info) => formatBytes(info.getValue(), locale),
        sortingFn: 'basic',
        meta: { numeric: true, width: '6rem' },
      }),
      column.accessor('phase', {
        header: () => t('archives.columns.state'),
        cell: (info) => (
          <span className={`badge phase-${info.getValue()}`} title={info.row.original.state}>
            {t(`phase.${info.getValue()}`)}
          </span>
        ),
        sortingFn: 'basic',
        meta: { width: '8.75rem' },
      }),
      ...(showService
        ? [
            column.accessor('serviceId', {
              header: () => t('archives.columns.service'),
              // The PCA service name tells services apart; the passport is in the tooltip and the details.
              cell: (info) => (
                <span title={info.getValue()}>{info.getValue().split('/')[1] ?? info.getValue()}</span>
              ),
              sortingFn: 'basic',
              meta: { width: '8.75rem' },
            }),
          ]
        : []),
    ],
    [t, locale, showService],
  );

  const table = useReactTable({
    data: sessions,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => `${row.serviceId}|${row.id}`,
  });
  const rows = table.getRowModel().rows;
  const { virtualizer, items, paddingTop, paddingBottom } = useVirtualRows(
    rows.length,
    scrollRef,
    ROW_HEIGHT_PX,
  );
  const selectedIndex = rows.findIndex((row) => row.original.id === selectedId);
  const focusIndex = Math.max(selectedIndex, 0);

  const moveTo = (index: number) => {
    const row = rows[index];
    if (!row) return;
    onSelect(row.original);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // The row may not be rendered yet: focus it once React has drawn it.
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT_PX) - 1);
    const moves: Record<string, number> = {
      ArrowDown: focusIndex + 1,
      ArrowUp: focusIndex - 1,
      PageDown: focusIndex + page,
      PageUp: focusIndex - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(Math.min(rows.length - 1, Math.max(0, target)));
  };

  return (
    <div className="table-scroll" ref={scrollRef} data-testid="sessions-scroll">
      <table
        className="data-table fixed-columns"
        aria-label={t('archives.tableLabel')}
        aria-rowcount={rows.length + 1}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const meta = look(header.column.columnDef.meta);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={meta?.numeric ? 'numeric' : undefined}
                    style={{ width: meta?.width }}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true">
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 && (
            <tr className="spacer" style={{ height: paddingTop }}>
              <td colSpan={columns.length} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            const selected = row.original.id === selectedId;
            return (
              <tr
                key={row.id}
                data-index={item.index}
                data-session-id={row.original.id}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                tabIndex={item.index === focusIndex ? 0 : -1}
                className={selected ? 'selected' : undefined}
                style={{ height: ROW_HEIGHT_PX }}
                onClick={() => onSelect(row.original)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    onSelect(row.original);
                  }
                }}
              >
                {row.getVisibleCells().map((cell) => {
                  return (
                    <td
                      key={cell.id}
                      className={look(cell.column.columnDef.meta)?.numeric ? 'numeric' : undefined}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr className="spacer" style={{ height: paddingBottom }}>
              <td colSpan={columns.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
