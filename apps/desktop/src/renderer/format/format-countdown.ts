/** Time left until `readyAt`, as `1:05:09` / `4:07` / `0:09`; null when past or unreadable. */
export function formatCountdown(readyAt: string | null, nowMs: number): string | null {
  if (!readyAt) return null;
  const left = Math.ceil((Date.parse(readyAt) - nowMs) / 1000);
  if (!Number.isFinite(left) || left <= 0) return null;
  const hours = Math.floor(left / 3600);
  const minutes = Math.floor((left % 3600) / 60);
  const seconds = String(left % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
