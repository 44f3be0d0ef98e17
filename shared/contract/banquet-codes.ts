// The fixed codes of banquet sales (宴会営業): layouts, banquet types, the pipeline's stages and moves, lost
// reasons, memorial anniversaries, and the calendar's limits. Stored as codes, shown translated.

/** Layout styles a hall can be set in; each hall has its own capacity per style (0: not offered). */
export const LAYOUTS = ['seated', 'standing', 'theatre'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const BANQUET_TYPES = [
  'bonenkai', // 忘年会
  'shinnenkai', // 新年会
  'farewell', // 歓送迎会
  'memorial', // 法要
  'wedding', // 婚礼
  'meeting', // 会議
  'social', // 懇親会
  'other', // その他
] as const;
export type BanquetType = (typeof BANQUET_TYPES)[number];
/** Parties held every year: each produces a call to the organiser in the autumn before the next one. */
export const YEARLY_TYPES: ReadonlySet<BanquetType> = new Set(['bonenkai', 'shinnenkai']);

/** The pipeline. Holds (provisional, confirmed) and held deals occupy their halls; lost and cancelled end it. */
export const STAGES = ['inquiry', 'proposal', 'provisional', 'confirmed', 'held', 'lost', 'cancelled'] as const;
export type Stage = (typeof STAGES)[number];
export const OPEN_STAGES: readonly Stage[] = ['inquiry', 'proposal', 'provisional', 'confirmed'];
export const OCCUPYING_STAGES: readonly Stage[] = ['provisional', 'confirmed', 'held'];
/**
 * Where a deal may go from each stage (forward only; held, lost and cancelled are final). Provisional to
 * provisional extends a hold ("please keep it another week"), with the new expiry on the timeline.
 */
export const NEXT_STAGES: Readonly<Record<Stage, readonly Stage[]>> = {
  inquiry: ['proposal', 'provisional', 'confirmed', 'lost', 'cancelled'],
  proposal: ['provisional', 'confirmed', 'lost', 'cancelled'],
  provisional: ['provisional', 'confirmed', 'lost', 'cancelled'],
  confirmed: ['held', 'lost', 'cancelled'],
  held: [],
  lost: [],
  cancelled: [],
};

/** Why a deal was lost (失注理由): a fixed list, so the report can count them. */
export const LOST_REASONS = [
  'price', // 価格
  'date_unavailable', // 希望日に空きなし
  'capacity', // 人数・広さが合わない
  'cuisine', // 料理内容
  'location', // 立地・送迎
  'facilities', // 設備
  'response', // 提案・対応の遅れ
  'plan_cancelled', // 催し自体が中止
  'other',
] as const;

/** Memorial services (年忌法要) fall this many years after the death: 一周忌, 三回忌, 七回忌 … 三十三回忌. */
export const MEMORIAL_YEARS = [1, 2, 6, 12, 16, 22, 26, 32] as const;

export const FOLLOW_UP_KINDS = ['yearly', 'memorial'] as const;
export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;

/** The calendar shows at most a month and a bit (a month view with the days around it). */
export const CALENDAR_MAX_DAYS = 62;
/**
 * The reports span at most ten years, counted by month: `to` in the month ten years after `from`'s at the
 * latest, so the revenue by month has at most 121 bars. The screen opens on fifteen months; ten years is the
 * longest look back a manager takes (and what the benchmark measures). Without a bound, one request for
 * 1900 to 9999 asked for 97,000 empty months.
 */
export const REPORT_MAX_MONTHS = 120;
/** How soon a provisional hold's expiry makes it listed on the calendar. */
export const HOLD_WARNING_DAYS = 7;
