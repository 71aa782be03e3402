const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "3 minutes ago", "yesterday"; the exact time is for a title attribute. */
export function timeAgo(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return relative.format(Math.round(seconds / 86400), 'day');
  return new Date(iso).toLocaleDateString();
}

export function exactTime(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '';
}

export function duration(ms: number | undefined | null): string {
  if (ms === undefined || ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function percent(rate: number | undefined | null): string {
  return rate === undefined || rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** The trigger type's plain name: "trigger.webhook" → "Webhook". */
export function triggerLabel(type: string | undefined): string {
  if (!type) return '—';
  const name = type.replace(/^trigger\./, '').replace(/[._]/g, ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Local midnight, as the API's ISO-8601: "runs today" means the person's today. */
export function startOfToday(now = new Date()): string {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  return midnight.toISOString();
}
