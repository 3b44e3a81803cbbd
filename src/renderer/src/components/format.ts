/** `3723000` → `1h 02m 03s`: uptime as a trader reads it. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  if (hours > 0) return `${hours}h ${mm}m ${ss}s`;
  if (minutes > 0) return `${minutes}m ${ss}s`;
  return `${seconds}s`;
}

/** Epoch ms → `HH:MM:SS` in local time, for "last seen" cells. */
export function formatClockTime(epochMs: number): string {
  return clockTime.format(epochMs);
}

// One formatter for the page: toLocaleTimeString builds a new Intl formatter on every call, and
// the trades tape formats dozens of times a second.
const clockTime = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  // h23, not hour12: false: the latter prints midnight as 24:00:00 in some locales.
  hourCycle: 'h23',
});
