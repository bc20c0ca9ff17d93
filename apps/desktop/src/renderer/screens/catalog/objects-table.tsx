import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveObjectRow } from '../../../shared/ipc-types.js';
import { useVirtualRows } from '../../components/use-virtual-rows.js';
import { formatBytes } from '../../format/format-bytes.js';
import { formatCountdown } from '../../format/format-countdown.js';
import { formatShortDateTime } from '../../format/format-date.js';

const ROW_HEIGHT_PX = 36;

interface ObjectsTableProps {
  objects: ArchiveObjectRow[];
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onToggleAll: () => void;
  /** For the countdowns: ticks each second while something is retrieving. */
  now: number;
  /** Which words name the phases: Cold Archive's (archived, restoring, restored) or Swift's. */
  labels?: 'objectPhase' | 'coldObjectPhase';
}

/**
 * The objects of one archive, virtualised (only the rows in view are in the DOM, so 100,000 scroll
 * like 100), in the listing's key order. Fixed column widths: nothing jumps while rows scroll.
 */
export function ObjectsTable({
  objects,
  selected,
  onToggle,
  onToggleAll,
  now,
  labels = 'objectPhase',
}: ObjectsTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { items, paddingTop, paddingBottom } = useVirtualRows(objects.length, scrollRef, ROW_HEIGHT_PX);
  const allSelected = objects.length > 0 && objects.every((object) => selected.has(object.key));

  return (
    <div className="table-scroll" ref={scrollRef} data-testid="objects-scroll">
      <table
        className="data-table fixed-columns"
        aria-label={t('objects.tableLabel')}
        aria-rowcount={objects.length + 1}
      >
        <thead>
          <tr>
            <th scope="col" style={{ width: '2.5rem' }}>
              <input
                type="checkbox"
                aria-label={t('objects.selectAll')}
                checked={allSelected}
                onChange={onToggleAll}
              />
            </th>
            <th scope="col">{t('objects.columns.key')}</th>
            <th scope="col" className="numeric" style={{ width: '6.5rem' }}>
              {t('objects.columns.size')}
            </th>
            <th scope="col" style={{ width: '9.5rem' }}>
              {t('objects.columns.modified')}
            </th>
            <th scope="col" style={{ width: '8.5rem' }}>
              {t('objects.columns.state')}
            </th>
            <th scope="col" style={{ width: '13rem' }}>
              {t('objects.columns.ready')}
            </th>
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr className="spacer" style={{ height: paddingTop }}>
              <td colSpan={6} />
            </tr>
          )}
          {items.map((item) => {
            const object = objects[item.index]!;
            return (
              <ObjectRow
                key={object.key}
                index={item.index}
                object={object}
                selected={selected.has(object.key)}
                onToggle={onToggle}
                now={object.phase === 'retrieving' ? now : 0}
                labels={labels}
              />
            );
          })}
          {paddingBottom > 0 && (
            <tr className="spacer" style={{ height: paddingBottom }}>
              <td colSpan={6} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface ObjectRowProps {
  index: number;
  object: ArchiveObjectRow;
  selected: boolean;
  onToggle: (key: string) => void;
  /** 0 for rows without a countdown, so the clock's tick redraws only those that have one. */
  now: number;
  labels: 'objectPhase' | 'coldObjectPhase';
}

const ObjectRow = memo(function ObjectRow({
  index,
  object,
  selected,
  onToggle,
  now,
  labels,
}: ObjectRowProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <tr
      data-index={index}
      data-key={object.key}
      data-phase={object.phase}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={selected ? 'selected' : undefined}
      style={{ height: ROW_HEIGHT_PX }}
      onClick={() => onToggle(object.key)}
    >
      <td>
        <input
          type="checkbox"
          aria-label={t('objects.select', { key: object.key })}
          checked={selected}
          onClick={(event) => event.stopPropagation()}
          onChange={() => onToggle(object.key)}
        />
      </td>
      <td className="cell-name" title={object.label ? `${object.label} (${object.key})` : object.key}>
        {object.label ?? object.key}
      </td>
      <td className="numeric">{formatBytes(object.bytes, locale)}</td>
      <td>{formatShortDateTime(object.lastModified, locale)}</td>
      <td>
        <span className={`badge object-${object.phase}`} title={object.state}>
          {t(`${labels}.${phaseWord(object, labels)}`)}
        </span>
      </td>
      <td className="cell-ready">{readyText(t, object, now, locale)}</td>
    </tr>
  );
});

/**
 * A Cold Archive object online with no restored copy's end was never archived (a bucket not yet
 * sent to tape, a STANDARD object): "Available", not "Restored".
 */
function phaseWord(object: ArchiveObjectRow, labels: 'objectPhase' | 'coldObjectPhase'): string {
  return labels === 'coldObjectPhase' && object.phase === 'online' && !object.retrievableUntil
    ? 'available'
    : object.phase;
}

function readyText(
  t: ReturnType<typeof useTranslation>['t'],
  object: ArchiveObjectRow,
  now: number,
  locale: string,
): string {
  if (object.phase === 'retrieving') {
    const left = formatCountdown(object.readyAt, now);
    return left ? t('objects.readyIn', { time: left }) : t('objects.readySoon');
  }
  if (object.phase === 'online') {
    return object.retrievableUntil
      ? t('objects.until', { date: formatShortDateTime(object.retrievableUntil, locale) })
      : t('objects.readyNow');
  }
  return '—';
}
