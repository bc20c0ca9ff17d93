import type { OvhDebugEvent } from '@ovh-pca/core';

const CLOCK_REFUSALS = new Set(['QueryTimeOutError', 'InvalidSignatureError']);

/**
 * Watches the client's debug events for a call the server refused for its time, then accepted
 * after the client re-synced its clock: tells the user once that the clock is being corrected.
 */
export function createSkewNoticeDetector(onHealed: () => void): (event: OvhDebugEvent) => void {
  const refused = new Set<string>();
  let told = false;
  return (event) => {
    const key = `${event.method} ${event.url}`;
    if (event.error && CLOCK_REFUSALS.has(event.error)) {
      refused.add(key);
      return;
    }
    if (refused.has(key) && event.status >= 200 && event.status < 400) {
      refused.delete(key);
      if (!told) {
        told = true;
        onHealed();
      }
    }
  };
}
