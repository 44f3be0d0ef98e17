import { foldWidth } from '../../shared/text/width.ts';

// How full a bounded text field is, counted as the contract counts it (width-folded, trimmed), so the counter
// says "over" exactly when saving would be refused as too_long.

/** From this share of the limit on, the field shows its counter. */
export const NEAR_LIMIT = 0.8;

/** A count as staff read numbers: 1,480. The same in both languages. */
export function formatCount(value: number): string {
  return new Intl.NumberFormat('ja-JP').format(value);
}

export type TextLimitState = { count: number; max: number; near: boolean; over: boolean };

export function textLimitState(value: string, max: number): TextLimitState {
  const count = foldWidth(value).trim().length;
  return { count, max, near: count >= Math.ceil(max * NEAR_LIMIT), over: count > max };
}
