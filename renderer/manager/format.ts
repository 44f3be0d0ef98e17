import type { TFunction } from 'i18next';

// How the manager's view writes its numbers: shares in percent with one decimal, durations in minutes, hours
// or days as they grow (30分, 1時間30分, 2日3時間), and the change against a year before.

/** 12.3% (one decimal); — when there is nothing to divide by. */
export function formatShare(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%`;
}

/** +12.3% / −4.0% against the year before; — when the year before had none. */
export function formatChange(now: number, before: number): string {
  if (before === 0) return '—';
  const change = Math.round(((now - before) / before) * 1000) / 10;
  return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${Math.abs(change).toFixed(1)}%`;
}

export function formatMinutes(minutes: number | null | undefined, t: TFunction): string {
  if (minutes === null || minutes === undefined) return '—';
  if (minutes < 60) return t('manager.duration.minutes', { minutes });
  if (minutes < 24 * 60) return t('manager.duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return t('manager.duration.days', {
    days: Math.floor(minutes / (24 * 60)),
    hours: Math.floor((minutes % (24 * 60)) / 60),
  });
}
