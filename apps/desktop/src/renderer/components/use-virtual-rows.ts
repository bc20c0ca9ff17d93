import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/**
 * Fixed-height virtual rows for a scrolling table: the rows in view (plus a margin) and the
 * spacer heights above and below them, so only a screenful of `<tr>` is ever in the DOM.
 */
export function useVirtualRows(count: number, scrollRef: RefObject<HTMLElement | null>, rowHeightPx: number) {
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeightPx,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom =
    items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  return { virtualizer, items, paddingTop, paddingBottom };
}
