// The codes of 名寄せ (finding and merging duplicate guests), kept apart from the calls so the log's registry
// can name the decisions without importing the contract.

/** Staff's answer about a proposed pair: 別人 (never proposed again) or あとで (listed after the others). */
export const DUPLICATE_DECISIONS = ['not_same', 'later'] as const;
export type DuplicateDecision = (typeof DUPLICATE_DECISIONS)[number];

/**
 * Why two guests are probably one person: what they share. In the order the words put them
 * (「電話番号と読みが一致」): the strongest evidence first.
 */
export const MATCH_REASONS = [
  'phone',
  'email',
  'name',
  'reading',
  'birthday',
  'address',
  'postcode',
  'family',
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

/** What speaks against it: both recorded, and different. */
export const DIFFERENCE_REASONS = ['birthday'] as const;
export type DifferenceReason = (typeof DIFFERENCE_REASONS)[number];

/** The fields of a guest a merge chooses between, when the two differ. Phones are always united. */
export const MERGE_FIELDS = [
  'familyName',
  'givenName',
  'familyReading',
  'givenReading',
  'email',
  'postalCode',
  'address',
  'birthday',
  'organization',
  'note',
  'marketingConsent',
  'nationality',
  'passportNumber',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Why a pair is proposed: what the two share, and what speaks against. */
export type Reasons = { same: MatchReason[]; differs: DifferenceReason[] };

/** Per differing field, whose value the kept card ends with. */
export type MergeTake = Partial<Record<MergeField, 'kept' | 'merged'>>;
